<?xml version="1.0" encoding="UTF-8"?>
<!--
  SVG charts drawn by the stylesheet (pass 2), each in an fo:instream-foreign-object.
    <d:gantt start="ISO" end="ISO" caption="…"?>
      <d:bar label="…" start="ISO" end="ISO" kind="meeting|step"
             state="done|planned|missed|current" cut="ISO (current only)"/>…</d:gantt>
      meeting: a session or gathering (a diamond, a bar over three days or more);
      step: a period of work (a bar). done / planned (to come) / missed (a meeting not
      held) / current (a step under way on the deliverable's date $cut: filled up to it).
    <d:phasing caption="…"?>
      <d:item num="1.1.1" label="title" priority="1|2|3" start="2026" months="18"?
              horizon="Court terme"? (start drawn from the horizon: no year in the source)/>…</d:phasing>
    <d:bars caption="…"?><d:bar label="…" value="123" text="123 €"/>…</d:bars>
    <d:stacked caption="…"?><d:series label="…"/>… (up to 3, colours chart-1..3)
      <d:bar label="…" text="total"><d:seg value="…"/>… (one per series)</d:bar>…</d:stacked>
  Coordinates are in user units of a viewBox $chart-units wide, scaled to $chart-width-mm.
  The line between the label column and the plot has class="axis": labels stay left of it
  (the end-to-end tests check it with the renderer's own text extents).
  Numbers written into SVG always use a decimal point (format-number is locale-free).

  No text may overlap: the renderer (librsvg) places text where it is told, so every label
  is measured here by the text engine (lv:text-width, through t:text-w), label columns are sized from
  the longest label (at most $chart-label-max), longer labels wrap onto two lines (an
  ellipsis only beyond that) and rows grow to fit; month names become initials, then are
  thinned out, when the months get too narrow.
-->
<xsl:stylesheet version="1.0"
    xmlns="http://www.w3.org/2000/svg"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:d="urn:livrables:doc"
    xmlns:t="urn:livrables:templates"
    xmlns:lv="urn:livrables:xslt"
    xmlns:func="http://exslt.org/functions"
    xmlns:math="http://exslt.org/math"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="func"
    exclude-result-prefixes="d t lv func math exsl">

  <xsl:param name="chart-width-mm" select="160"/>
  <xsl:variable name="chart-units" select="450"/>
  <!-- Widest label column of any chart: the rest is left to the data. -->
  <xsl:variable name="chart-label-max" select="$chart-units * 0.4"/>
  <!-- Line pitch of wrapped 7.5-unit labels. -->
  <xsl:variable name="chart-line-h" select="8.5"/>
  <xsl:variable name="months-fr" select="'janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.|'"/>

  <!-- ============================================================ text measure -->
  <!-- Width of $s in user units at font size $size (user units too: the scale cancels
       out), as the text engine sets it in the charter's chart font: the same fonts,
       shaping and kerning the SVG renderer uses, so that any charter font fits. -->
  <func:function name="t:text-w">
    <xsl:param name="s"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <func:result select="lv:text-width(string($s), $font-chart, $size, 400 + 300 * number(boolean($bold)))"/>
  </func:function>

  <!-- Width of the longest of $labels (a node-set of strings), 0 if none. -->
  <func:function name="t:widest">
    <xsl:param name="labels"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:variable name="ws">
      <xsl:for-each select="$labels">
        <t:w><xsl:value-of select="t:text-w(normalize-space(.), $size, $bold)"/></t:w>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$labels"><func:result select="math:max(exsl:node-set($ws)/t:w)"/></xsl:when>
      <xsl:otherwise><func:result select="0"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- Width of a label column: the widest label plus $pad, between $min and the maximum. -->
  <func:function name="t:label-column">
    <xsl:param name="labels"/>
    <xsl:param name="pad"/>
    <xsl:param name="min"/>
    <func:result select="t:min($chart-label-max, t:max($min, t:widest($labels, 7.5) + $pad))"/>
  </func:function>

  <!-- ============================================================ wrapping -->
  <!-- $text cut into lines no wider than $width: one <t:l> per line, at most $lines lines;
       words are kept whole unless one alone is too wide, and what does not fit in the
       last line ends with an ellipsis. $text must be space-normalized. -->
  <xsl:template name="chart-wrap">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:param name="size" select="7.5"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:param name="lines" select="2"/>
    <xsl:choose>
      <xsl:when test="$lines &lt;= 1 or t:text-w($text, $size, $bold) &lt;= $width">
        <t:l><xsl:value-of select="t:clip($text, $width, $size, $bold)"/></t:l>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="words" select="t:fit-words('', $text, $width, $size, $bold)"/>
        <xsl:variable name="head">
          <xsl:choose>
            <xsl:when test="$words != ''"><xsl:value-of select="$words"/></xsl:when>
            <xsl:otherwise>   <!-- a single word wider than the line: break it -->
              <xsl:value-of select="t:fit-chars($text, t:max(1, floor($width div ($size * 0.25))), $width, $size, $bold)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <t:l><xsl:value-of select="$head"/></t:l>
        <xsl:call-template name="chart-wrap">
          <xsl:with-param name="text" select="normalize-space(substring($text, string-length($head) + 1))"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="size" select="$size"/>
          <xsl:with-param name="bold" select="$bold"/>
          <xsl:with-param name="lines" select="$lines - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The longest run of whole words of $rest, after $done, that fits in $width
       ('' when not even the first word fits). -->
  <func:function name="t:fit-words">
    <xsl:param name="done"/>
    <xsl:param name="rest"/>
    <xsl:param name="width"/>
    <xsl:param name="size"/>
    <xsl:param name="bold"/>
    <xsl:variable name="word" select="substring-before(concat($rest, ' '), ' ')"/>
    <xsl:variable name="next">
      <xsl:value-of select="$done"/>
      <xsl:if test="$done != ''"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="$word"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$rest = '' or t:text-w($next, $size, $bold) &gt; $width">
        <func:result select="string($done)"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="t:fit-words(string($next), substring-after($rest, ' '), $width, $size, $bold)"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The longest prefix of $s, at most $n characters, that fits in $width (one character at least). -->
  <func:function name="t:fit-chars">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:param name="width"/>
    <xsl:param name="size"/>
    <xsl:param name="bold"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 1 or t:text-w(substring($s, 1, $n), $size, $bold) &lt;= $width">
        <func:result select="substring($s, 1, t:max(1, $n))"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="t:fit-chars($s, $n - 1, $width, $size, $bold)"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- $s if it fits in $width, else its longest word prefix that fits with an ellipsis
       (a character prefix when the first word is already too wide). -->
  <func:function name="t:clip">
    <xsl:param name="s"/>
    <xsl:param name="width"/>
    <xsl:param name="size"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:choose>
      <xsl:when test="t:text-w($s, $size, $bold) &lt;= $width">
        <func:result select="string($s)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="room" select="$width - t:text-w('…', $size, $bold)"/>
        <xsl:variable name="words" select="t:fit-words('', $s, $room, $size, $bold)"/>
        <xsl:variable name="head">
          <xsl:choose>
            <xsl:when test="$words != ''"><xsl:value-of select="$words"/></xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="t:fit-chars($s, t:min(string-length($s), floor($room div ($size * 0.25))), $room, $size, $bold)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- no dangling punctuation before the ellipsis -->
        <xsl:variable name="last" select="substring($head, string-length($head))"/>
        <xsl:choose>
          <xsl:when test="contains(',;:–-', $last) and string-length($head) &gt; 1">
            <func:result select="concat(normalize-space(substring($head, 1, string-length($head) - 1)), '…')"/>
          </xsl:when>
          <xsl:otherwise><func:result select="concat($head, '…')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The <t:l> lines of $lines as SVG text, the block centred vertically on $mid. -->
  <xsl:template name="chart-lines">
    <xsl:param name="lines"/>
    <xsl:param name="x"/>
    <xsl:param name="mid"/>
    <xsl:param name="anchor" select="'start'"/>
    <xsl:param name="size" select="7.5"/>
    <xsl:variable name="n" select="count($lines)"/>
    <xsl:for-each select="$lines">
      <text x="{t:n($x)}" y="{t:n($mid + 2.6 + (position() - 1 - ($n - 1) div 2) * $chart-line-h)}"
            font-size="{$size}" fill="{$color-text}">
        <xsl:if test="$anchor != 'start'">
          <xsl:attribute name="text-anchor"><xsl:value-of select="$anchor"/></xsl:attribute>
        </xsl:if>
        <xsl:value-of select="."/>
      </text>
    </xsl:for-each>
  </xsl:template>

  <!-- The lines of each label in $labels wrapped to $width: one <t:row> of <t:l> per label. -->
  <xsl:template name="chart-rows">
    <xsl:param name="labels"/>
    <xsl:param name="width"/>
    <xsl:for-each select="$labels">
      <t:row>
        <xsl:call-template name="chart-wrap">
          <xsl:with-param name="text" select="normalize-space(.)"/>
          <xsl:with-param name="width" select="$width + 0.01"/>  <!-- rounding: the widest must fit -->
        </xsl:call-template>
      </t:row>
    </xsl:for-each>
  </xsl:template>

  <!-- Top of row $pos among $rows, each $row-h high plus $chart-line-h per extra line. -->
  <func:function name="t:row-top">
    <xsl:param name="rows"/>
    <xsl:param name="pos"/>
    <xsl:param name="row-h"/>
    <xsl:variable name="before" select="$rows[position() &lt; $pos]"/>
    <func:result select="count($before) * $row-h + (count($before/t:l) - count($before)) * $chart-line-h"/>
  </func:function>

  <!-- ============================================================ small helpers -->
  <!-- Day number of an ISO date (YYYY-MM-DD), for differences between dates. -->
  <func:function name="t:days">
    <xsl:param name="iso"/>
    <xsl:variable name="y" select="number(substring($iso, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="dd" select="number(substring($iso, 9, 2))"/>
    <xsl:variable name="a" select="floor((14 - $m) div 12)"/>
    <xsl:variable name="yy" select="$y + 4800 - $a"/>
    <xsl:variable name="mm" select="$m + 12 * $a - 3"/>
    <func:result select="$dd + floor((153 * $mm + 2) div 5) + 365 * $yy + floor($yy div 4)
                         - floor($yy div 100) + floor($yy div 400) - 32045"/>
  </func:function>

  <!-- A number for an SVG attribute: at most two decimals, decimal point. -->
  <func:function name="t:n">
    <xsl:param name="x"/>
    <func:result select="format-number($x, '0.##')"/>
  </func:function>

  <func:function name="t:max">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$a &gt; $b"><func:result select="$a"/></xsl:when>
      <xsl:otherwise><func:result select="$b"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="t:min">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$a &lt; $b"><func:result select="$a"/></xsl:when>
      <xsl:otherwise><func:result select="$b"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The French month names and initials with their widths, measured once:
       <t:m name="janv." w="…" initial="J" iw="…"/>. -->
  <xsl:variable name="month-tab-rtf">
    <xsl:call-template name="month-tab">
      <xsl:with-param name="list" select="$months-fr"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="month-tab" select="exsl:node-set($month-tab-rtf)/t:m"/>

  <xsl:template name="month-tab">
    <xsl:param name="list"/>
    <xsl:if test="contains($list, '|')">
      <xsl:variable name="name" select="substring-before($list, '|')"/>
      <xsl:variable name="initial" select="translate(substring($name, 1, 1), 'jfmasond', 'JFMASOND')"/>
      <t:m name="{$name}" w="{t:text-w($name, $gantt-month-size)}"
           initial="{$initial}" iw="{t:text-w($initial, $gantt-month-size)}"/>
      <xsl:call-template name="month-tab">
        <xsl:with-param name="list" select="substring-after($list, '|')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A chart's alternative text, for readers who do not see it (tagged PDF): its caption,
       then what it shows, from the same data. -->
  <xsl:template match="*" mode="chart-alt">
    <xsl:value-of select="normalize-space(@caption)"/>
    <xsl:text> : </xsl:text>
    <xsl:apply-templates select="*[@label or @num]" mode="chart-alt-item"/>
  </xsl:template>
  <xsl:template match="d:gantt/d:bar" mode="chart-alt-item">
    <xsl:if test="position() > 1"> ; </xsl:if>
    <xsl:value-of select="concat(@label, ', ', lv:date(@start))"/>
    <xsl:if test="@end != @start"><xsl:value-of select="concat(' au ', lv:date(@end))"/></xsl:if>
    <xsl:if test="@state = 'planned'"> (à venir)</xsl:if>
    <xsl:if test="@state = 'missed'"> (non tenue)</xsl:if>
    <xsl:if test="@state = 'current'"> (en cours)</xsl:if>
  </xsl:template>
  <xsl:template match="d:phasing/d:item" mode="chart-alt-item">
    <xsl:if test="position() > 1"> ; </xsl:if>
    <xsl:value-of select="concat(@num, ' ', @label, ', priorité ', @priority, ', ', t:phasing-text(.))"/>
  </xsl:template>
  <xsl:template match="d:stacked" mode="chart-alt">
    <xsl:value-of select="normalize-space(@caption)"/>
    <xsl:text> : </xsl:text>
    <xsl:apply-templates select="d:bar" mode="chart-alt-item"/>
  </xsl:template>
  <xsl:template match="d:stacked/d:bar" mode="chart-alt-item">
    <xsl:if test="position() > 1"> ; </xsl:if>
    <xsl:value-of select="concat(@label, ', ', @text)"/>
    <xsl:for-each select="d:seg">
      <xsl:variable name="pos" select="position()"/>
      <xsl:value-of select="concat(substring(' dont', 1, 5 * number($pos = 1)), substring(',', 1, number($pos > 1)),
                                   ' ', t:lower-first(normalize-space(../../d:series[$pos]/@label)), ' ', t:seg-text(.))"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="*" mode="chart-alt-item">
    <xsl:if test="position() > 1"> ; </xsl:if>
    <xsl:value-of select="@label"/>
    <xsl:if test="@text"><xsl:value-of select="concat(', ', @text)"/></xsl:if>
  </xsl:template>

  <!-- The FO wrapper shared by every chart: the SVG, then its caption. -->
  <xsl:template name="chart-frame">
    <xsl:param name="height"/>   <!-- in user units -->
    <xsl:param name="svg-body"/>
    <xsl:variable name="h-mm" select="$height * $chart-width-mm div $chart-units"/>
    <fo:block space-before="6pt" space-after="2pt" keep-with-next.within-page="always"
        text-align="center">
      <fo:instream-foreign-object content-width="{$chart-width-mm}mm" content-height="{t:n($h-mm)}mm">
        <xsl:attribute name="fox:alt-text"><xsl:apply-templates select="." mode="chart-alt"/></xsl:attribute>
        <svg width="{$chart-width-mm}mm" height="{t:n($h-mm)}mm"
             viewBox="0 0 {$chart-units} {t:n($height)}" font-family="{$font-chart}">
          <xsl:copy-of select="$svg-body"/>
        </svg>
      </fo:instream-foreign-object>
    </fo:block>
    <xsl:if test="@caption">
      <fo:block xsl:use-attribute-sets="caption" text-align="center">
        <xsl:value-of select="@caption"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ calendar (Gantt) -->
  <xsl:variable name="gantt-row-h" select="15"/>
  <xsl:variable name="gantt-top" select="26"/>
  <xsl:variable name="gantt-month-size" select="6.5"/>
  <xsl:variable name="gantt-year-size" select="7"/>
  <!-- Widest month name: decides how many months one name may need. Years have four digits. -->
  <xsl:variable name="gantt-month-w" select="math:max($month-tab/@w)"/>
  <xsl:variable name="gantt-initial-w" select="math:max($month-tab/@iw)"/>
  <xsl:variable name="gantt-year-w" select="t:text-w('2000', $gantt-year-size, true())"/>

  <!-- Room between the rule that starts the axis and its first day: a step on the first
       days of its month (half a diamond, 5) stays off the rule (Cerneux's launch of 4 March
       sat on it, r9). -->
  <xsl:variable name="gantt-pad" select="6"/>

  <!-- The axis runs over whole months, from the first day of the month of the first step
       to the last day of the month of the last one: every month that holds a step is on
       it, with its name (or its initial when months are narrow). -->
  <xsl:template match="d:gantt" mode="fo">
    <xsl:variable name="y0" select="number(substring(@start, 1, 4))"/>
    <xsl:variable name="m0" select="number(substring(@start, 6, 2))"/>
    <xsl:variable name="y1" select="number(substring(@end, 1, 4))"/>
    <xsl:variable name="m1" select="number(substring(@end, 6, 2))"/>
    <xsl:variable name="d0" select="t:month-days($y0, $m0)"/>
    <xsl:variable name="span" select="t:month-days($y1 + floor($m1 div 12), $m1 mod 12 + 1) - $d0"/>
    <!-- label column, then the time axis from x0 to the right margin -->
    <xsl:variable name="label-w" select="t:label-column(d:bar/@label, 8, 60)"/>
    <xsl:variable name="x0" select="$label-w + 4"/>
    <!-- the days, from $gantt-pad after the rule at $x0 -->
    <xsl:variable name="xt" select="$x0 + $gantt-pad"/>
    <xsl:variable name="rows-rtf">
      <xsl:call-template name="chart-rows">
        <xsl:with-param name="labels" select="d:bar/@label"/>
        <xsl:with-param name="width" select="$label-w - 8"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/t:row"/>
    <xsl:variable name="rows-h" select="t:row-top($rows, count($rows) + 1, $gantt-row-h)"/>
    <!-- the legend: one entry per symbol the chart draws, on as many lines as it needs -->
    <xsl:variable name="legend-rtf">
      <xsl:call-template name="gantt-legend-layout">
        <xsl:with-param name="entries" select="exsl:node-set(t:gantt-legend-entries(d:bar))/t:e"/>
        <xsl:with-param name="x0" select="$x0"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="legend" select="exsl:node-set($legend-rtf)/t:e"/>
    <xsl:variable name="legend-h" select="4 + 12 * number(boolean($legend)) * (math:max($legend/@line) + 1)"/>
    <xsl:variable name="height" select="$gantt-top + $rows-h + 6 + $legend-h"/>
    <!-- every month named when the widest name fits (else its initial: J F M…); past
         that, one name in 2, 3, 4, 6 or 12 months, whichever first leaves room -->
    <xsl:variable name="month-w" select="($chart-units - 8 - $xt) * 28 div $span"/>
    <xsl:variable name="initials" select="$month-w &lt; $gantt-month-w + 3
                                          and $month-w &gt;= $gantt-initial-w + 2"/>
    <xsl:variable name="step">
      <xsl:choose>
        <xsl:when test="$month-w &gt;= $gantt-month-w + 3 or $initials">1</xsl:when>
        <xsl:when test="2 * $month-w &gt;= $gantt-month-w + 3">2</xsl:when>
        <xsl:when test="3 * $month-w &gt;= $gantt-month-w + 3">3</xsl:when>
        <xsl:when test="4 * $month-w &gt;= $gantt-month-w + 3">4</xsl:when>
        <xsl:when test="6 * $month-w &gt;= $gantt-month-w + 3">6</xsl:when>
        <xsl:otherwise>12</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <!-- the month tints first: a name may run over the next months -->
        <xsl:call-template name="gantt-grid">
          <xsl:with-param name="y" select="$y0"/>
          <xsl:with-param name="m" select="$m0"/>
          <xsl:with-param name="d0" select="$d0"/>
          <xsl:with-param name="span" select="$span"/>
          <xsl:with-param name="x0" select="$xt"/>
          <xsl:with-param name="height" select="$height - $legend-h"/>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-names">
          <xsl:with-param name="y" select="$y0"/>
          <xsl:with-param name="m" select="$m0"/>
          <xsl:with-param name="d0" select="$d0"/>
          <xsl:with-param name="span" select="$span"/>
          <xsl:with-param name="x0" select="$xt"/>
          <xsl:with-param name="step" select="number($step)"/>
          <xsl:with-param name="initials" select="$initials"/>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:for-each select="$legend">
          <xsl:call-template name="gantt-legend-entry">
            <xsl:with-param name="y" select="$gantt-top + $rows-h + 12 + 12 * @line"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="d:bar">
          <xsl:variable name="pos" select="position()"/>
          <xsl:call-template name="gantt-row">
            <xsl:with-param name="lines" select="$rows[$pos]/t:l"/>
            <xsl:with-param name="top" select="$gantt-top + t:row-top($rows, $pos, $gantt-row-h)"/>
            <xsl:with-param name="h" select="$gantt-row-h + (count($rows[$pos]/t:l) - 1) * $chart-line-h"/>
            <xsl:with-param name="d0" select="$d0"/>
            <xsl:with-param name="span" select="$span"/>
            <xsl:with-param name="x0" select="$xt"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- x of a day number on the time axis, which runs from $x0 to the right margin. -->
  <func:function name="t:gantt-x">
    <xsl:param name="day"/>
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:param name="x0"/>
    <func:result select="$x0 + ($day - $d0) * ($chart-units - 8 - $x0) div $span"/>
  </func:function>

  <!-- Day numbers of the first of month $m of year $y and of the month after. -->
  <func:function name="t:month-days">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <func:result select="t:days(concat($y, '-', format-number($m, '00'), '-01'))"/>
  </func:function>

  <!-- The month columns: a tint on odd months, a rule on January (and at the start). -->
  <xsl:template name="gantt-grid">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:param name="x0"/>
    <xsl:param name="height"/>
    <xsl:param name="first"/>
    <xsl:variable name="day" select="t:month-days($y, $m)"/>
    <xsl:if test="$day &lt; $d0 + $span">
      <xsl:variable name="ny" select="$y + floor($m div 12)"/>
      <xsl:variable name="nm" select="$m mod 12 + 1"/>
      <xsl:variable name="xa" select="t:gantt-x(t:max($day, $d0), $d0, $span, $x0)"/>
      <!-- the axis's rule stands $gantt-pad before its first day; the first month's tint
           reaches it -->
      <xsl:variable name="xr" select="$xa - $gantt-pad * number($first)"/>
      <xsl:if test="$m mod 2 = 1">
        <xsl:variable name="xb" select="t:gantt-x(t:min(t:month-days($ny, $nm), $d0 + $span), $d0, $span, $x0)"/>
        <rect x="{t:n($xr)}" y="{$gantt-top - 10}" width="{t:n($xb - $xr)}"
              height="{t:n($height - $gantt-top + 6)}" fill="{$color-tint}"/>
      </xsl:if>
      <xsl:if test="$first or $m = 1">
        <line x1="{t:n($xr)}" y1="2" x2="{t:n($xr)}" y2="{t:n($height - 2)}"
              stroke="{$color-primary}" stroke-width="0.6">
          <xsl:if test="$first"><xsl:attribute name="class">axis</xsl:attribute></xsl:if>
        </line>
      </xsl:if>
      <xsl:call-template name="gantt-grid">
        <xsl:with-param name="y" select="$ny"/>
        <xsl:with-param name="m" select="$nm"/>
        <xsl:with-param name="d0" select="$d0"/>
        <xsl:with-param name="span" select="$span"/>
        <xsl:with-param name="x0" select="$x0"/>
        <xsl:with-param name="height" select="$height"/>
        <xsl:with-param name="first" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The month names, one in $step months, and the year on January (and at the start
       unless January follows too closely). $name-right and $year-right: right end of the
       last month name and year written, so that no name runs into the previous one. -->
  <xsl:template name="gantt-names">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:param name="x0"/>
    <xsl:param name="step"/>
    <xsl:param name="initials" select="false()"/>
    <xsl:param name="first"/>
    <xsl:param name="name-right" select="-1000"/>
    <xsl:param name="year-right" select="-1000"/>
    <xsl:variable name="day" select="t:month-days($y, $m)"/>
    <xsl:if test="$day &lt; $d0 + $span">
      <xsl:variable name="ny" select="$y + floor($m div 12)"/>
      <xsl:variable name="nm" select="$m mod 12 + 1"/>
      <xsl:variable name="xa" select="t:gantt-x(t:max($day, $d0), $d0, $span, $x0)"/>
      <xsl:variable name="xb" select="t:gantt-x(t:min(t:month-days($ny, $nm), $d0 + $span), $d0, $span, $x0)"/>
      <!-- month name: centred on its month, or from its start when it spans several -->
      <xsl:variable name="name">
        <xsl:choose>
          <xsl:when test="$initials"><xsl:value-of select="$month-tab[$m]/@initial"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$month-tab[$m]/@name"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="name-w">
        <xsl:choose>
          <xsl:when test="$initials"><xsl:value-of select="$month-tab[$m]/@iw"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$month-tab[$m]/@w"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="name-x">
        <xsl:choose>
          <xsl:when test="$step = 1"><xsl:value-of select="($xa + $xb - $name-w) div 2"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$xa + 1.5"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="show-name" select="($m - 1) mod $step = 0
          and ($step = 1 or $day &gt;= $d0)
          and $name-x &gt;= $x0 - 0.5 and $name-x + $name-w &lt;= $chart-units - 1
          and $name-x &gt;= $name-right + 3"/>
      <xsl:if test="$show-name">
        <text x="{t:n($name-x)}" y="{$gantt-top - 3}" font-size="{$gantt-month-size}"
              fill="{$color-muted}"><xsl:value-of select="$name"/></text>
      </xsl:if>
      <!-- the year beside its rule: the axis's first stands $gantt-pad before its day -->
      <xsl:variable name="xy" select="$xa - $gantt-pad * number($first)"/>
      <xsl:variable name="show-year" select="($m = 1 or ($first
          and (t:gantt-x(t:month-days($y + 1, 1), $d0, $span, $x0) &gt;= $xy + $gantt-year-w + 4
               or t:month-days($y + 1, 1) &gt;= $d0 + $span)))
          and $xy + 1 &gt;= $year-right + 3 and $xy + 1 + $gantt-year-w &lt;= $chart-units"/>
      <xsl:if test="$show-year">
        <text x="{t:n($xy + 1)}" y="9" font-size="{$gantt-year-size}" font-weight="bold"
              fill="{$color-primary}"><xsl:value-of select="$y"/></text>
      </xsl:if>
      <xsl:call-template name="gantt-names">
        <xsl:with-param name="y" select="$ny"/>
        <xsl:with-param name="m" select="$nm"/>
        <xsl:with-param name="d0" select="$d0"/>
        <xsl:with-param name="span" select="$span"/>
        <xsl:with-param name="x0" select="$x0"/>
        <xsl:with-param name="step" select="$step"/>
        <xsl:with-param name="initials" select="$initials"/>
        <xsl:with-param name="first" select="false()"/>
        <xsl:with-param name="name-right">
          <xsl:choose>
            <xsl:when test="$show-name"><xsl:value-of select="$name-x + $name-w"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$name-right"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="year-right">
          <xsl:choose>
            <xsl:when test="$show-year"><xsl:value-of select="$xy + 1 + $gantt-year-w"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$year-right"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A row: its label (one or two lines) on the left, then its mark centred in the row
       from $top, $h high: a diamond for a meeting of one or two days, else a bar. -->
  <xsl:template name="gantt-row">
    <xsl:param name="lines"/>
    <xsl:param name="top"/>
    <xsl:param name="h"/>
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:param name="x0"/>
    <xsl:variable name="mid" select="$top + $h div 2"/>
    <xsl:variable name="xa" select="t:gantt-x(t:days(@start), $d0, $span, $x0)"/>
    <xsl:variable name="xb" select="t:gantt-x(t:days(@end) + 1, $d0, $span, $x0)"/>
    <line x1="0" y1="{t:n($top + $h)}" x2="{$chart-units}" y2="{t:n($top + $h)}"
          stroke="{$color-chart-grid}" stroke-width="0.4"/>
    <xsl:call-template name="chart-lines">
      <xsl:with-param name="lines" select="$lines"/>
      <xsl:with-param name="x" select="2"/>
      <xsl:with-param name="mid" select="$mid"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="@kind = 'meeting' and t:days(@end) - t:days(@start) &lt; 3">
        <xsl:call-template name="gantt-mark">
          <xsl:with-param name="shape" select="'diamond'"/>
          <xsl:with-param name="x" select="($xa + $xb) div 2 - 5"/>
          <xsl:with-param name="mid" select="$mid"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gantt-mark">
          <xsl:with-param name="shape" select="'bar'"/>
          <xsl:with-param name="x" select="$xa"/>
          <xsl:with-param name="w" select="$xb - $xa"/>
          <xsl:with-param name="mid" select="$mid"/>
          <xsl:with-param name="cut-w">
            <xsl:choose>
              <xsl:when test="@cut"><xsl:value-of select="t:gantt-x(t:days(@cut) + 1, $d0, $span, $x0) - $xa"/></xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The mark of the current d:bar (or legend entry: its @kind and @state), from $x:
       a diamond 10 wide, or a bar $w wide. Meetings in the accent colour, steps in the
       primary one; done: filled; to come: hollow, outlined; not held: dashed, muted; a
       step under way: hollow, filled over its first $cut-w. -->
  <xsl:template name="gantt-mark">
    <xsl:param name="shape"/>
    <xsl:param name="x"/>
    <xsl:param name="w" select="10"/>
    <xsl:param name="mid"/>
    <xsl:param name="cut-w" select="0"/>
    <xsl:variable name="color">
      <xsl:choose>
        <xsl:when test="@state = 'missed'"><xsl:value-of select="$color-muted"/></xsl:when>
        <xsl:when test="@kind = 'meeting'"><xsl:value-of select="$color-accent"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$color-primary"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="fill">
      <xsl:choose>
        <xsl:when test="@state = 'done'"><xsl:value-of select="$color"/></xsl:when>
        <xsl:otherwise>#FFFFFF</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="outline-rtf">
      <t:o>
        <xsl:if test="@state != 'done'">
          <xsl:attribute name="stroke"><xsl:value-of select="$color"/></xsl:attribute>
          <xsl:attribute name="stroke-width">1</xsl:attribute>
          <xsl:if test="@state = 'missed'"><xsl:attribute name="stroke-dasharray">1.5 1</xsl:attribute></xsl:if>
        </xsl:if>
      </t:o>
    </xsl:variable>
    <xsl:variable name="outline" select="exsl:node-set($outline-rtf)/t:o/@*"/>
    <xsl:choose>
      <xsl:when test="$shape = 'diamond'">
        <polygon fill="{$fill}"
            points="{t:n($x + 5)},{t:n($mid - 5)} {t:n($x + 10)},{t:n($mid)} {t:n($x + 5)},{t:n($mid + 5)} {t:n($x)},{t:n($mid)}">
          <xsl:copy-of select="$outline"/>
        </polygon>
      </xsl:when>
      <xsl:otherwise>
        <!-- the outline inside the bar's span: a hollow bar is as long as a filled one -->
        <xsl:variable name="inset" select="0.5 * number(@state != 'done')"/>
        <rect x="{t:n($x + $inset)}" y="{t:n($mid - 4 + $inset)}" width="{t:n(t:max($w - 2 * $inset, 0.5))}"
              height="{t:n(8 - 2 * $inset)}" rx="1.5" fill="{$fill}">
          <xsl:copy-of select="$outline"/>
        </rect>
        <xsl:if test="@state = 'current' and $cut-w &gt; 0">
          <rect x="{t:n($x)}" y="{t:n($mid - 4)}" width="{t:n(t:min($cut-w, $w))}" height="8"
                rx="1.5" fill="{$color}"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The legend's entries, one per kind of mark the bars draw, in a fixed order:
       <t:e kind state label long="yes"?/> (long: some meeting of that state is a bar,
       so the entry shows a bar after its diamond). -->
  <func:function name="t:gantt-legend-entries">
    <xsl:param name="bars"/>
    <xsl:variable name="long" select="$bars[@kind = 'meeting' and t:days(@end) - t:days(@start) &gt;= 3]"/>
    <xsl:variable name="r">
      <xsl:if test="$bars[@kind = 'meeting' and @state = 'done']">
        <t:e kind="meeting" state="done" label="Séance ou rencontre tenue">
          <xsl:if test="$long[@state = 'done']"><xsl:attribute name="long">yes</xsl:attribute></xsl:if>
        </t:e>
      </xsl:if>
      <xsl:if test="$bars[@kind = 'meeting' and @state = 'planned']">
        <t:e kind="meeting" state="planned" label="Séance ou rencontre à venir">
          <xsl:if test="$long[@state = 'planned']"><xsl:attribute name="long">yes</xsl:attribute></xsl:if>
        </t:e>
      </xsl:if>
      <xsl:if test="$bars[@kind = 'meeting' and @state = 'missed']">
        <t:e kind="meeting" state="missed" label="Séance non tenue"/>
      </xsl:if>
      <xsl:if test="$bars[@kind = 'step' and (@state = 'done' or @state = 'current')]">
        <t:e kind="step" state="done" label="Étape réalisée"/>
      </xsl:if>
      <xsl:if test="$bars[@kind = 'step' and (@state = 'planned' or @state = 'current')]">
        <t:e kind="step" state="planned" label="Étape à venir"/>
      </xsl:if>
    </xsl:variable>
    <func:result select="$r"/>
  </func:function>

  <!-- Width of a legend entry's symbol: a diamond, a diamond then a bar, or a bar. -->
  <func:function name="t:gantt-symbol-w">
    <xsl:param name="e"/>
    <xsl:choose>
      <xsl:when test="$e/@kind = 'step'"><func:result select="16"/></xsl:when>
      <xsl:when test="$e/@long"><func:result select="28"/></xsl:when>
      <xsl:otherwise><func:result select="10"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The entries placed from $x0 (the left edge of the time axis): on one line when they
       fit there, else in a grid of columns as wide as the widest entry, as many as fit,
       the rows balanced (four entries in two rows of two, not three and one alone):
       copies with @x and @line. -->
  <xsl:template name="gantt-legend-layout">
    <xsl:param name="entries"/>
    <xsl:param name="x0"/>
    <xsl:variable name="ws">
      <xsl:for-each select="$entries">
        <t:w><xsl:value-of select="t:gantt-symbol-w(.) + 4 + t:text-w(@label, $legend-size)"/></t:w>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="w" select="exsl:node-set($ws)/t:w"/>
    <xsl:variable name="n" select="count($entries)"/>
    <xsl:variable name="one-line" select="$x0 + sum($w) + 14 * ($n - 1) &lt;= $chart-units - 2"/>
    <!-- in the grid, every label of a column starts at the same x: after the widest symbol -->
    <xsl:variable name="sws">
      <xsl:for-each select="$entries"><t:w><xsl:value-of select="t:gantt-symbol-w(.)"/></t:w></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="sw" select="math:max(exsl:node-set($sws)/t:w)"/>
    <xsl:variable name="col-w" select="math:max($w) + $sw - math:min(exsl:node-set($sws)/t:w) + 14"/>
    <xsl:variable name="fit" select="t:max(1, floor(($chart-units - 2 - $x0 + 14) div $col-w))"/>
    <xsl:variable name="cols" select="ceiling($n div ceiling($n div $fit))"/>
    <xsl:for-each select="$entries">
      <xsl:variable name="i" select="position()"/>
      <xsl:choose>
        <xsl:when test="$one-line">
          <t:e x="{$x0 + sum($w[position() &lt; $i]) + 14 * ($i - 1)}" line="0"><xsl:copy-of select="@*"/></t:e>
        </xsl:when>
        <xsl:otherwise>
          <t:e x="{$x0 + (($i - 1) mod $cols) * $col-w}" line="{floor(($i - 1) div $cols)}" sw="{$sw}">
            <xsl:copy-of select="@*"/>
          </t:e>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- One placed legend entry (the current t:e): its symbol, then its label, around $y. -->
  <xsl:template name="gantt-legend-entry">
    <xsl:param name="y"/>
    <xsl:variable name="sw">
      <xsl:choose>
        <xsl:when test="@sw"><xsl:value-of select="@sw"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="t:gantt-symbol-w(.)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- the symbol centred in the grid's symbol column -->
    <xsl:variable name="sx" select="@x + (number($sw) - t:gantt-symbol-w(.)) div 2"/>
    <xsl:choose>
      <xsl:when test="@kind = 'step'">
        <xsl:call-template name="gantt-mark">
          <xsl:with-param name="shape" select="'bar'"/>
          <xsl:with-param name="x" select="$sx"/>
          <xsl:with-param name="w" select="16"/>
          <xsl:with-param name="mid" select="$y"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gantt-mark">
          <xsl:with-param name="shape" select="'diamond'"/>
          <xsl:with-param name="x" select="$sx"/>
          <xsl:with-param name="mid" select="$y"/>
        </xsl:call-template>
        <xsl:if test="@long">
          <xsl:call-template name="gantt-mark">
            <xsl:with-param name="shape" select="'bar'"/>
            <xsl:with-param name="x" select="$sx + 13"/>
            <xsl:with-param name="w" select="15"/>
            <xsl:with-param name="mid" select="$y"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <text class="legend" x="{t:n(@x + number($sw) + 4)}" y="{t:n($y + 2.6)}" font-size="{$legend-size}"
          fill="{$color-text}"><xsl:value-of select="@label"/></text>
  </xsl:template>

  <!-- ============================================================ phasing -->
  <!-- One row per action: its number and title (wrapped), its bar on a year axis, and in a
       column right of the last year its years and duration in words (« 2026–2027 (18 mois) »,
       « 2025 (6 mois) »): one convention on every row, never written inside a year's column.
       The source gives a start year, not a month: that whole year is hatched in the
       priority's colour and outlined (the action starts some time in it), the rest of the
       duration in solid colour from the next January; an action of a year or less is its
       hatched start year. An item with @horizon (no start year in the source) or without a
       duration is a dashed outline. The priorities' colours (color-chart-1..3) stand out
       from white at 3:1 at least, so a priority 3 bar is seen. The legend under the rows
       names the priorities present and, when a bar has one, the hatching (drawn in the text
       colour: it is no priority). -->
  <xsl:variable name="phasing-row-h" select="15"/>
  <xsl:variable name="phasing-top" select="16"/>
  <xsl:variable name="phasing-legend-h" select="16"/>
  <xsl:variable name="phasing-years-size" select="6.5"/>

  <!-- Last year an item covers: a 12-month action starting in 2026 ends in 2026. -->
  <func:function name="t:phasing-end">
    <xsl:param name="item"/>
    <xsl:variable name="months">
      <xsl:choose>
        <xsl:when test="$item/@months"><xsl:value-of select="$item/@months"/></xsl:when>
        <xsl:otherwise>12</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <func:result select="$item/@start + floor(($months - 1) div 12)"/>
  </func:function>

  <!-- What is written on an item's row: its years and its duration. -->
  <func:function name="t:phasing-text">
    <xsl:param name="item"/>
    <xsl:variable name="end" select="t:phasing-end($item)"/>
    <xsl:choose>
      <xsl:when test="$item/@horizon"><func:result select="string($item/@horizon)"/></xsl:when>
      <xsl:when test="not($item/@months)"><func:result select="concat('à partir de ', $item/@start)"/></xsl:when>
      <xsl:when test="$end = $item/@start">
        <func:result select="concat($item/@start, ' (', $item/@months, '&#160;mois)')"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="concat($item/@start, '–', $end, ' (', $item/@months, '&#160;mois)')"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <xsl:template match="d:phasing" mode="fo">
    <xsl:variable name="num-w" select="t:widest(d:item/@num, 7.5, true()) + 5"/>
    <xsl:variable name="label-w" select="t:label-column(d:item/@label, $num-w + 10, 90)"/>
    <xsl:variable name="x0" select="$label-w + 4"/>
    <xsl:variable name="texts">
      <xsl:for-each select="d:item"><t:v><xsl:value-of select="t:phasing-text(.)"/></t:v></xsl:for-each>
    </xsl:variable>
    <!-- the years end where the column of words begins -->
    <xsl:variable name="x1" select="$chart-units - 2 - t:widest(exsl:node-set($texts)/t:v, $phasing-years-size) - 5"/>
    <xsl:variable name="rows-rtf">
      <xsl:call-template name="chart-rows">
        <xsl:with-param name="labels" select="d:item/@label"/>
        <xsl:with-param name="width" select="$label-w - $num-w - 8"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/t:row"/>
    <xsl:variable name="ends">
      <xsl:for-each select="d:item"><t:v><xsl:value-of select="t:phasing-end(.)"/></t:v></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="y0" select="math:min(d:item/@start)"/>
    <xsl:variable name="y1" select="math:max(exsl:node-set($ends)/t:v)"/>
    <xsl:variable name="year-w" select="($x1 - $x0) div ($y1 - $y0 + 1)"/>
    <xsl:variable name="rows-h" select="t:row-top($rows, count($rows) + 1, $phasing-row-h)"/>
    <xsl:variable name="dated" select="d:item[@months and not(@horizon)]"/>
    <xsl:variable name="height" select="$phasing-top + $rows-h + 4 + $phasing-legend-h * (1 + number(boolean($dated)))"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <defs>
          <xsl:call-template name="phasing-hatch">
            <xsl:with-param name="id" select="'hatch-1'"/>
            <xsl:with-param name="color" select="t:chart-color(1)"/>
          </xsl:call-template>
          <xsl:call-template name="phasing-hatch">
            <xsl:with-param name="id" select="'hatch-2'"/>
            <xsl:with-param name="color" select="t:chart-color(2)"/>
          </xsl:call-template>
          <xsl:call-template name="phasing-hatch">
            <xsl:with-param name="id" select="'hatch-3'"/>
            <xsl:with-param name="color" select="t:chart-color(3)"/>
          </xsl:call-template>
          <xsl:call-template name="phasing-hatch">
            <xsl:with-param name="id" select="'hatch-legend'"/>
            <xsl:with-param name="color" select="$color-text"/>
          </xsl:call-template>
        </defs>
        <xsl:call-template name="phasing-years">
          <xsl:with-param name="year" select="$y0"/>
          <xsl:with-param name="last" select="$y1"/>
          <xsl:with-param name="x" select="$x0"/>
          <xsl:with-param name="w" select="$year-w"/>
          <xsl:with-param name="step" select="ceiling(($gantt-year-w + 3) div $year-w)"/>
          <xsl:with-param name="bottom" select="$phasing-top + $rows-h + 2"/>
        </xsl:call-template>
        <line class="axis" x1="{t:n($x0)}" y1="2" x2="{t:n($x0)}" y2="{t:n($phasing-top + $rows-h + 2)}"
              stroke="{$color-primary}" stroke-width="0.6"/>
        <line x1="{t:n($x1)}" y1="2" x2="{t:n($x1)}" y2="{t:n($phasing-top + $rows-h + 2)}"
              stroke="{$color-chart-grid}" stroke-width="0.4"/>
        <xsl:for-each select="d:item">
          <xsl:variable name="pos" select="position()"/>
          <xsl:call-template name="phasing-row">
            <xsl:with-param name="lines" select="$rows[$pos]/t:l"/>
            <xsl:with-param name="top" select="$phasing-top + t:row-top($rows, $pos, $phasing-row-h)"/>
            <xsl:with-param name="h" select="$phasing-row-h + (count($rows[$pos]/t:l) - 1) * $chart-line-h"/>
            <xsl:with-param name="num-w" select="$num-w"/>
            <xsl:with-param name="x0" select="$x0"/>
            <xsl:with-param name="x1" select="$x1"/>
            <xsl:with-param name="y0" select="$y0"/>
            <xsl:with-param name="year-w" select="$year-w"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="phasing-legend">
          <xsl:with-param name="y" select="$phasing-top + $rows-h + 6"/>
          <xsl:with-param name="x" select="$x0"/>
          <xsl:with-param name="priorities" select="d:item/@priority"/>
          <xsl:with-param name="dated" select="boolean($dated)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Diagonal stripes of $color over a pale tint of it, for a start year. -->
  <xsl:template name="phasing-hatch">
    <xsl:param name="id"/>
    <xsl:param name="color"/>
    <pattern id="{$id}" patternUnits="userSpaceOnUse" width="2.6" height="2.6" patternTransform="rotate(45)">
      <rect width="2.6" height="2.6" fill="{$color}" fill-opacity="0.2"/>
      <rect width="1.4" height="2.6" fill="{$color}"/>
    </pattern>
  </xsl:template>

  <!-- The year columns: a tint on every other year, the year centred over its column (one
       year in $step when the columns are too narrow for every one). -->
  <xsl:template name="phasing-years">
    <xsl:param name="year"/>
    <xsl:param name="last"/>
    <xsl:param name="x"/>
    <xsl:param name="w"/>
    <xsl:param name="step" select="1"/>
    <xsl:param name="rank" select="0"/>
    <xsl:param name="bottom"/>
    <xsl:if test="$year &lt;= $last">
      <xsl:if test="$year mod 2 = 0">
        <rect x="{t:n($x)}" y="2" width="{t:n($w)}" height="{t:n($bottom - 2)}" fill="{$color-tint}"/>
      </xsl:if>
      <xsl:if test="$rank mod $step = 0">
        <text x="{t:n($x + $w div 2)}" y="{$phasing-top - 5}" font-size="{$gantt-year-size}" font-weight="bold"
              text-anchor="middle" fill="{$color-primary}"><xsl:value-of select="$year"/></text>
      </xsl:if>
      <xsl:call-template name="phasing-years">
        <xsl:with-param name="year" select="$year + 1"/>
        <xsl:with-param name="last" select="$last"/>
        <xsl:with-param name="x" select="$x + $w"/>
        <xsl:with-param name="w" select="$w"/>
        <xsl:with-param name="step" select="$step"/>
        <xsl:with-param name="rank" select="$rank + 1"/>
        <xsl:with-param name="bottom" select="$bottom"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An action: number and title on the left, its bar on the axis, its years and duration
       in the column right of the years (from $x1). -->
  <xsl:template name="phasing-row">
    <xsl:param name="lines"/>
    <xsl:param name="top"/>
    <xsl:param name="h"/>
    <xsl:param name="num-w"/>
    <xsl:param name="x0"/>
    <xsl:param name="x1"/>
    <xsl:param name="y0"/>
    <xsl:param name="year-w"/>
    <xsl:variable name="mid" select="$top + $h div 2"/>
    <xsl:variable name="months">
      <xsl:choose>
        <xsl:when test="@months"><xsl:value-of select="@months"/></xsl:when>
        <xsl:otherwise>12</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="dated" select="@months and not(@horizon)"/>
    <!-- a dated bar covers at least its whole start year -->
    <xsl:variable name="span">
      <xsl:choose>
        <xsl:when test="$dated and $months &lt; 12">12</xsl:when>
        <xsl:otherwise><xsl:value-of select="$months"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="xa" select="$x0 + (@start - $y0) * $year-w"/>
    <xsl:variable name="xb" select="$xa + $span div 12 * $year-w"/>
    <xsl:variable name="color" select="t:chart-color(@priority)"/>
    <line x1="0" y1="{t:n($top + $h)}" x2="{$chart-units}" y2="{t:n($top + $h)}"
          stroke="{$color-chart-grid}" stroke-width="0.4"/>
    <text x="2" y="{t:n($mid + 2.6 - (count($lines) - 1) * $chart-line-h div 2)}" font-size="7.5"
          font-weight="bold" fill="{$color-text}"><xsl:value-of select="@num"/></text>
    <xsl:call-template name="chart-lines">
      <xsl:with-param name="lines" select="$lines"/>
      <xsl:with-param name="x" select="2 + $num-w"/>
      <xsl:with-param name="mid" select="$mid"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not($dated)">
        <rect class="phasing-outline" x="{t:n($xa + 0.4)}" y="{t:n($mid - 4)}" width="{t:n($xb - $xa - 0.8)}"
              height="8" rx="1.5" fill="none" stroke="{$color}" stroke-width="0.8" stroke-dasharray="2 1.5"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$months &gt; 12">
          <rect class="phasing-rest" x="{t:n($xa + $year-w)}" y="{t:n($mid - 4)}" width="{t:n($xb - $xa - $year-w)}"
                height="8" rx="1.5" fill="{$color}"/>
        </xsl:if>
        <xsl:call-template name="phasing-start-year">
          <xsl:with-param name="x" select="$xa"/>
          <xsl:with-param name="y" select="$mid - 4"/>
          <xsl:with-param name="w" select="$year-w"/>
          <xsl:with-param name="h" select="8"/>
          <xsl:with-param name="color" select="$color"/>
          <xsl:with-param name="hatch" select="concat('hatch-', @priority)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <text class="phasing-years" x="{t:n($x1 + 4)}" y="{t:n($mid + 2.3)}" font-size="{$phasing-years-size}"
          fill="{$color-text}"><xsl:value-of select="t:phasing-text(.)"/></text>
  </xsl:template>

  <!-- A start year (its month is not known): hatched in its colour, outlined. -->
  <xsl:template name="phasing-start-year">
    <xsl:param name="x"/>
    <xsl:param name="y"/>
    <xsl:param name="w"/>
    <xsl:param name="h"/>
    <xsl:param name="color"/>
    <xsl:param name="hatch"/>
    <rect class="phasing-start" x="{t:n($x + 0.4)}" y="{t:n($y + 0.4)}" width="{t:n($w - 0.8)}"
          height="{t:n($h - 0.8)}" rx="1.5" fill="url(#{$hatch})" stroke="{$color}" stroke-width="0.8"/>
  </xsl:template>

  <!-- The priorities present ($priorities: the items' values), on one line from $x (from
       the left edge when that is too narrow); under them, when $dated, what the hatched
       start year means. -->
  <xsl:template name="phasing-legend">
    <xsl:param name="y"/>
    <xsl:param name="x"/>
    <xsl:param name="priorities"/>
    <xsl:param name="dated" select="false()"/>
    <xsl:variable name="labels" select="document('')/*/t:priorities/t:p[@n = $priorities]"/>
    <xsl:variable name="start-label" select="string(document('')/*/t:priorities/t:start)"/>
    <xsl:variable name="ws">
      <xsl:for-each select="$labels"><t:v><xsl:value-of select="t:legend-item-w(.)"/></t:v></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="widest">
      <xsl:choose>
        <xsl:when test="$dated and t:legend-item-w($start-label) - 12 &gt; sum(exsl:node-set($ws)/t:v) - 12">
          <xsl:value-of select="t:legend-item-w($start-label) - 12"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="sum(exsl:node-set($ws)/t:v) - 12"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="left">
      <xsl:choose>
        <xsl:when test="$x + $widest &lt;= $chart-units - 2"><xsl:value-of select="$x"/></xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:for-each select="$labels">
      <xsl:variable name="pos" select="position()"/>
      <xsl:variable name="lx" select="$left + sum(exsl:node-set($ws)/t:v[position() &lt; $pos])"/>
      <rect class="phasing-key" x="{t:n($lx)}" y="{t:n($y)}" width="9" height="9" fill="{t:chart-color(@n)}"/>
      <text x="{t:n($lx + 13)}" y="{t:n($y + 7.5)}" font-size="{$legend-size}" fill="{$color-text}">
        <xsl:value-of select="t:clip(string(.), $chart-units - $lx - 15, $legend-size)"/>
      </text>
    </xsl:for-each>
    <xsl:if test="$dated">
      <xsl:variable name="y2" select="$y + $phasing-legend-h - 2"/>
      <xsl:call-template name="phasing-start-year">
        <xsl:with-param name="x" select="$left"/>
        <xsl:with-param name="y" select="$y2"/>
        <xsl:with-param name="w" select="9"/>
        <xsl:with-param name="h" select="9"/>
        <xsl:with-param name="color" select="$color-text"/>
        <xsl:with-param name="hatch" select="'hatch-legend'"/>
      </xsl:call-template>
      <text x="{t:n($left + 13)}" y="{t:n($y2 + 7.5)}" font-size="{$legend-size}" fill="{$color-text}">
        <xsl:value-of select="t:clip($start-label, $chart-units - $left - 15, $legend-size)"/>
      </text>
    </xsl:if>
  </xsl:template>
  <t:priorities>
    <t:p n="1">Priorité 1 : essentielle</t:p>
    <t:p n="2">Priorité 2 : importante</t:p>
    <t:p n="3">Priorité 3 : utile</t:p>
    <t:start>Année de lancement, mois non précisé</t:start>
  </t:priorities>

  <!-- Series colour for priority 1, 2, 3. -->
  <func:function name="t:chart-color">
    <xsl:param name="p"/>
    <xsl:choose>
      <xsl:when test="$p = 1"><func:result select="$color-chart-1"/></xsl:when>
      <xsl:when test="$p = 2"><func:result select="$color-chart-2"/></xsl:when>
      <xsl:otherwise><func:result select="$color-chart-3"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- ============================================================ bar charts -->
  <xsl:variable name="bars-row-h" select="18"/>
  <xsl:variable name="bars-value-gap" select="4"/>

  <!-- Label column of a bar chart: fits the longest label, within limits. -->
  <func:function name="t:bars-label-w">
    <xsl:param name="bars"/>
    <func:result select="t:label-column($bars/@label, 10, 40)"/>
  </func:function>
  <!-- Room kept right of the longest bar for its amount. -->
  <func:function name="t:bars-value-w">
    <xsl:param name="bars"/>
    <func:result select="t:widest($bars/@text, 7.5, true()) + $bars-value-gap + 3"/>
  </func:function>

  <!-- A bar chart's row frame: rule-free label (right-aligned, wrapped) and the amount at
       the end of the bar, $bar-end being the x where the bar stops. -->
  <xsl:template name="bars-row-text">
    <xsl:param name="lines"/>
    <xsl:param name="label-w"/>
    <xsl:param name="mid"/>
    <xsl:param name="bar-end"/>
    <xsl:param name="value" select="@text"/>
    <xsl:call-template name="chart-lines">
      <xsl:with-param name="lines" select="$lines"/>
      <xsl:with-param name="x" select="$label-w - 5"/>
      <xsl:with-param name="mid" select="$mid"/>
      <xsl:with-param name="anchor" select="'end'"/>
    </xsl:call-template>
    <text x="{t:n($bar-end + $bars-value-gap)}" y="{t:n($mid + 2.6)}"
          font-size="7.5" font-weight="bold" fill="{$color-text}"><xsl:value-of select="$value"/></text>
  </xsl:template>

  <xsl:template match="d:bars" mode="fo">
    <xsl:variable name="max" select="math:max(d:bar/@value)"/>
    <xsl:variable name="label-w" select="t:bars-label-w(d:bar)"/>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="$max &gt; 0">
          <xsl:value-of select="($chart-units - $label-w - t:bars-value-w(d:bar)) div $max"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rows-rtf">
      <xsl:call-template name="chart-rows">
        <xsl:with-param name="labels" select="d:bar/@label"/>
        <xsl:with-param name="width" select="$label-w - 8"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/t:row"/>
    <xsl:variable name="height" select="t:row-top($rows, count($rows) + 1, $bars-row-h) + 6"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <line class="axis" x1="{t:n($label-w)}" y1="0" x2="{t:n($label-w)}" y2="{t:n($height)}"
              stroke="{$color-text}" stroke-width="0.6"/>
        <xsl:for-each select="d:bar">
          <xsl:variable name="pos" select="position()"/>
          <xsl:variable name="h" select="$bars-row-h + (count($rows[$pos]/t:l) - 1) * $chart-line-h"/>
          <xsl:variable name="mid" select="3 + t:row-top($rows, $pos, $bars-row-h) + $h div 2"/>
          <xsl:variable name="w" select="t:max(0, @value * $scale)"/>
          <rect x="{t:n($label-w)}" y="{t:n($mid - 6)}" width="{t:n($w)}" height="12"
                fill="{$color-chart-1}"/>
          <xsl:call-template name="bars-row-text">
            <xsl:with-param name="lines" select="$rows[$pos]/t:l"/>
            <xsl:with-param name="label-w" select="$label-w"/>
            <xsl:with-param name="mid" select="$mid"/>
            <xsl:with-param name="bar-end" select="$label-w + $w"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ stacked bars -->
  <xsl:variable name="legend-size" select="7.5"/>

  <!-- Width of a legend entry: swatch, gap, label, space before the next. -->
  <func:function name="t:legend-item-w">
    <xsl:param name="label"/>
    <func:result select="13 + t:text-w(normalize-space($label), $legend-size) + 12"/>
  </func:function>

  <!-- Segment amounts: written inside their segment when they fit in it (with a margin),
       in white on the dark series 1 and 2, in the text colour on the light series 3 (the
       charters keep those contrasts); the amounts that do not fit follow the bar's total,
       named by their series: « 765 000 € (court terme : 405 000 €, …) ». -->
  <xsl:variable name="seg-size" select="7"/>
  <xsl:variable name="seg-pad" select="6"/>

  <!-- A series label inside a sentence: « Court terme » → « court terme ». -->
  <func:function name="t:lower-first">
    <xsl:param name="s"/>
    <func:result select="concat(translate(substring($s, 1, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉ', 'abcdefghijklmnopqrstuvwxyzé'),
                                substring($s, 2))"/>
  </func:function>

  <func:function name="t:seg-text">
    <xsl:param name="seg"/>
    <xsl:choose>
      <xsl:when test="$seg/@text"><func:result select="string($seg/@text)"/></xsl:when>
      <xsl:otherwise><func:result select="t:amount($seg/@value)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- Does segment $seg's amount fit inside it at $scale? (A bar of one segment is its
       total, written after it.) -->
  <func:function name="t:seg-fits">
    <xsl:param name="seg"/>
    <xsl:param name="scale"/>
    <func:result select="$seg/@value &gt; 0 and count($seg/../d:seg[@value &gt; 0]) &gt; 1 and
        t:text-w(t:seg-text($seg), $seg-size, true()) + $seg-pad &lt;= $seg/@value * $scale"/>
  </func:function>

  <!-- The text after bar $bar at $scale: its total, then the amounts not written inside. -->
  <func:function name="t:stacked-tail">
    <xsl:param name="bar"/>
    <xsl:param name="scale"/>
    <xsl:variable name="out">
      <xsl:for-each select="$bar/d:seg[@value &gt; 0][count($bar/d:seg[@value &gt; 0]) &gt; 1]">
        <xsl:if test="not(t:seg-fits(., $scale))">
          <xsl:variable name="pos" select="count(preceding-sibling::d:seg) + 1"/>
          <xsl:variable name="label" select="normalize-space($bar/../d:series[$pos]/@label)"/>
          <t:s><xsl:value-of select="concat(t:lower-first($label), ' : ', t:seg-text(.))"/></t:s>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="parts" select="exsl:node-set($out)/t:s"/>
    <xsl:choose>
      <xsl:when test="$parts">
        <xsl:variable name="joined">
          <xsl:for-each select="$parts">
            <xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="."/>
          </xsl:for-each>
        </xsl:variable>
        <func:result select="concat($bar/@text, ' (', $joined, ')')"/>
      </xsl:when>
      <xsl:otherwise><func:result select="string($bar/@text)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The largest scale at which every bar of $bars, followed by its tail as it is at
       $scale, ends within the chart (0 without bars). -->
  <func:function name="t:stacked-limit">
    <xsl:param name="bars"/>
    <xsl:param name="label-w"/>
    <xsl:param name="scale"/>
    <xsl:variable name="limits">
      <xsl:for-each select="$bars">
        <xsl:variable name="total" select="sum(d:seg/@value)"/>
        <xsl:if test="$total &gt; 0">
          <t:v><xsl:value-of select="($chart-units - $label-w - $bars-value-gap - 3
                                      - t:text-w(t:stacked-tail(., $scale), 7.5, true())) div $total"/></t:v>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exsl:node-set($limits)/t:v">
        <func:result select="t:max(0, math:min(exsl:node-set($limits)/t:v))"/>
      </xsl:when>
      <xsl:otherwise><func:result select="0"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The scale of a stacked chart: from $scale down, until the tails the scale gives leave
       room for themselves (a smaller scale can only move amounts out of their segments);
       after a few rounds, the scale that leaves room for every amount in the tails (at it,
       the amounts that fit go inside, which only shortens the tails). -->
  <func:function name="t:stacked-scale">
    <xsl:param name="bars"/>
    <xsl:param name="label-w"/>
    <xsl:param name="scale"/>
    <xsl:param name="rounds" select="0"/>
    <xsl:variable name="next" select="t:stacked-limit($bars, $label-w, $scale)"/>
    <xsl:choose>
      <xsl:when test="$next &gt;= $scale"><func:result select="$scale"/></xsl:when>
      <xsl:when test="$rounds &gt;= 4"><func:result select="t:stacked-limit($bars, $label-w, 0)"/></xsl:when>
      <xsl:otherwise><func:result select="t:stacked-scale($bars, $label-w, $next, $rounds + 1)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- Text colour on series $p. -->
  <func:function name="t:chart-on-color">
    <xsl:param name="p"/>
    <xsl:choose>
      <xsl:when test="$p &lt; 3"><func:result select="'#FFFFFF'"/></xsl:when>
      <xsl:otherwise><func:result select="$color-text"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <xsl:template match="d:stacked" mode="fo">
    <xsl:variable name="label-w" select="t:bars-label-w(d:bar)"/>
    <!-- from the scale the bars alone would allow down to one that leaves room for the tails -->
    <xsl:variable name="scale" select="t:stacked-scale(d:bar, $label-w, 1000000000000)"/>
    <!-- legend: on one line over the bars, else on one line from the left edge, else one
         entry per line -->
    <xsl:variable name="legend-ws">
      <xsl:for-each select="d:series"><t:v><xsl:value-of select="t:legend-item-w(@label)"/></t:v></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="legend-need" select="sum(exsl:node-set($legend-ws)/t:v) - 12"/>
    <xsl:variable name="legend-x">
      <xsl:choose>
        <xsl:when test="$label-w + $legend-need &lt;= $chart-units - 2"><xsl:value-of select="$label-w"/></xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="legend-column" select="number($legend-x + $legend-need &gt; $chart-units - 2)"/>
    <xsl:variable name="legend-h">
      <xsl:choose>
        <xsl:when test="$legend-column = 1"><xsl:value-of select="6 + 12 * count(d:series)"/></xsl:when>
        <xsl:otherwise>18</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="rows-rtf">
      <xsl:call-template name="chart-rows">
        <xsl:with-param name="labels" select="d:bar/@label"/>
        <xsl:with-param name="width" select="$label-w - 8"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/t:row"/>
    <xsl:variable name="height" select="$legend-h + t:row-top($rows, count($rows) + 1, $bars-row-h) + 6"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <xsl:for-each select="d:series">
          <xsl:variable name="pos" select="position()"/>
          <xsl:variable name="x">
            <xsl:choose>
              <xsl:when test="$legend-column = 1">2</xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$legend-x + sum(exsl:node-set($legend-ws)/t:v[position() &lt; $pos])"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="y" select="3 + $legend-column * ($pos - 1) * 12"/>
          <rect x="{t:n($x)}" y="{$y}" width="9" height="9" fill="{t:chart-color($pos)}"/>
          <text x="{t:n($x + 13)}" y="{$y + 7.5}" font-size="{$legend-size}" fill="{$color-text}">
            <xsl:value-of select="t:clip(normalize-space(@label), $chart-units - $x - 15, $legend-size)"/>
          </text>
        </xsl:for-each>
        <line class="axis" x1="{t:n($label-w)}" y1="{$legend-h}" x2="{t:n($label-w)}" y2="{t:n($height)}"
              stroke="{$color-text}" stroke-width="0.6"/>
        <xsl:for-each select="d:bar">
          <xsl:variable name="pos" select="position()"/>
          <xsl:variable name="h" select="$bars-row-h + (count($rows[$pos]/t:l) - 1) * $chart-line-h"/>
          <xsl:variable name="mid" select="$legend-h + 3 + t:row-top($rows, $pos, $bars-row-h) + $h div 2"/>
          <xsl:for-each select="d:seg">
            <xsl:variable name="x0" select="$label-w + sum(preceding-sibling::d:seg/@value) * $scale"/>
            <xsl:if test="@value &gt; 0">
              <!-- a white edge between segments: each series is 3:1 from white (WCAG 1.4.11),
                   so neighbours are told apart whatever their contrast with each other -->
              <rect class="segment" x="{t:n($x0)}" y="{t:n($mid - 6)}" width="{t:n(@value * $scale)}"
                    height="12" fill="{t:chart-color(position())}" stroke="#FFFFFF" stroke-width="1"/>
            </xsl:if>
            <xsl:if test="t:seg-fits(., $scale)">
              <text class="segment-amount" x="{t:n($x0 + @value * $scale div 2)}" y="{t:n($mid + 2.5)}"
                    font-size="{$seg-size}" font-weight="bold" text-anchor="middle"
                    fill="{t:chart-on-color(position())}"><xsl:value-of select="t:seg-text(.)"/></text>
            </xsl:if>
          </xsl:for-each>
          <xsl:call-template name="bars-row-text">
            <xsl:with-param name="lines" select="$rows[$pos]/t:l"/>
            <xsl:with-param name="label-w" select="$label-w"/>
            <xsl:with-param name="mid" select="$mid"/>
            <xsl:with-param name="bar-end" select="$label-w + sum(d:seg/@value) * $scale"/>
            <xsl:with-param name="value" select="t:stacked-tail(., $scale)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
