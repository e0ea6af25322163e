<?xml version="1.0" encoding="UTF-8"?>
<!--
  SVG charts drawn by the stylesheet (pass 2), each in an fo:instream-foreign-object.
    <d:gantt start="ISO" end="ISO" caption="…"?>
      <d:bar label="…" start="ISO" end="ISO" kind="seance|step"/>…</d:gantt>
    <d:phasing caption="…"?>
      <d:item num="1.1.1" priority="1|2|3" horizon="court|moyen|long"/>…</d:phasing>
    <d:bars caption="…"?><d:bar label="…" value="123" text="123 €"/>…</d:bars>
    <d:stacked caption="…"?><d:series label="…"/>… (up to 3, colours chart-1..3)
      <d:bar label="…" text="total"><d:seg value="…"/>… (one per series)</d:bar>…</d:stacked>
  Coordinates are in user units of a viewBox $chart-units wide, scaled to $chart-width-mm.
  Numbers written into SVG always use a decimal point (format-number is locale-free).

  No text may overlap: the renderer (librsvg) places text where it is told, so every label
  is measured here by the text engine (lv:text-width, through t:text-w), label columns are sized from
  the longest label (at most $chart-label-max), longer labels wrap onto two lines (an
  ellipsis only beyond that) and rows grow to fit; month names are thinned out when the
  months get too narrow.
-->
<xsl:stylesheet version="1.0"
    xmlns="http://www.w3.org/2000/svg"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
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

  <!-- The FO wrapper shared by every chart: the SVG, then its caption. -->
  <xsl:template name="chart-frame">
    <xsl:param name="height"/>   <!-- in user units -->
    <xsl:param name="svg-body"/>
    <xsl:variable name="h-mm" select="$height * $chart-width-mm div $chart-units"/>
    <fo:block space-before="6pt" space-after="2pt" keep-with-next.within-page="always"
        text-align="center">
      <fo:instream-foreign-object content-width="{$chart-width-mm}mm" content-height="{t:n($h-mm)}mm">
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
    <xsl:variable name="rows-rtf">
      <xsl:call-template name="chart-rows">
        <xsl:with-param name="labels" select="d:bar/@label"/>
        <xsl:with-param name="width" select="$label-w - 8"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rows" select="exsl:node-set($rows-rtf)/t:row"/>
    <xsl:variable name="height" select="$gantt-top + t:row-top($rows, count($rows) + 1, $gantt-row-h) + 6"/>
    <!-- every month named when the widest name fits (else its initial: J F M…); past
         that, one name in 2, 3, 4, 6 or 12 months, whichever first leaves room -->
    <xsl:variable name="month-w" select="($chart-units - 8 - $x0) * 28 div $span"/>
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
          <xsl:with-param name="y" select="number(substring(@start, 1, 4))"/>
          <xsl:with-param name="m" select="number(substring(@start, 6, 2))"/>
          <xsl:with-param name="d0" select="$d0"/>
          <xsl:with-param name="span" select="$span"/>
          <xsl:with-param name="x0" select="$x0"/>
          <xsl:with-param name="height" select="$height"/>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="gantt-names">
          <xsl:with-param name="y" select="number(substring(@start, 1, 4))"/>
          <xsl:with-param name="m" select="number(substring(@start, 6, 2))"/>
          <xsl:with-param name="d0" select="$d0"/>
          <xsl:with-param name="span" select="$span"/>
          <xsl:with-param name="x0" select="$x0"/>
          <xsl:with-param name="step" select="number($step)"/>
          <xsl:with-param name="initials" select="$initials"/>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:for-each select="d:bar">
          <xsl:variable name="pos" select="position()"/>
          <xsl:call-template name="gantt-row">
            <xsl:with-param name="lines" select="$rows[$pos]/t:l"/>
            <xsl:with-param name="top" select="$gantt-top + t:row-top($rows, $pos, $gantt-row-h)"/>
            <xsl:with-param name="h" select="$gantt-row-h + (count($rows[$pos]/t:l) - 1) * $chart-line-h"/>
            <xsl:with-param name="d0" select="$d0"/>
            <xsl:with-param name="span" select="$span"/>
            <xsl:with-param name="x0" select="$x0"/>
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
      <xsl:if test="$m mod 2 = 1">
        <xsl:variable name="xb" select="t:gantt-x(t:min(t:month-days($ny, $nm), $d0 + $span), $d0, $span, $x0)"/>
        <rect x="{t:n($xa)}" y="{$gantt-top - 10}" width="{t:n($xb - $xa)}"
              height="{t:n($height - $gantt-top + 6)}" fill="{$color-tint}"/>
      </xsl:if>
      <xsl:if test="$first or $m = 1">
        <line x1="{t:n($xa)}" y1="2" x2="{t:n($xa)}" y2="{t:n($height - 2)}"
              stroke="{$color-primary}" stroke-width="0.6"/>
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
      <xsl:variable name="show-year" select="($m = 1 or ($first
          and (t:gantt-x(t:month-days($y + 1, 1), $d0, $span, $x0) &gt;= $xa + $gantt-year-w + 4
               or t:month-days($y + 1, 1) &gt;= $d0 + $span)))
          and $xa + 1 &gt;= $year-right + 3 and $xa + 1 + $gantt-year-w &lt;= $chart-units"/>
      <xsl:if test="$show-year">
        <text x="{t:n($xa + 1)}" y="9" font-size="{$gantt-year-size}" font-weight="bold"
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
            <xsl:when test="$show-year"><xsl:value-of select="$xa + 1 + $gantt-year-w"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$year-right"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A step: its label (one or two lines) on the left, a bar (or a diamond for a one-day
       session) centred in a row from $top, $h high. -->
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
    <xsl:variable name="fill">
      <xsl:choose>
        <xsl:when test="@kind = 'seance'"><xsl:value-of select="$color-accent"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$color-primary"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <line x1="0" y1="{t:n($top + $h)}" x2="{$chart-units}" y2="{t:n($top + $h)}"
          stroke="{$color-chart-grid}" stroke-width="0.4"/>
    <xsl:call-template name="chart-lines">
      <xsl:with-param name="lines" select="$lines"/>
      <xsl:with-param name="x" select="2"/>
      <xsl:with-param name="mid" select="$mid"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="t:days(@end) - t:days(@start) &lt; 3">
        <xsl:variable name="cx" select="($xa + $xb) div 2"/>
        <polygon fill="{$fill}"
            points="{t:n($cx)},{t:n($mid - 5)} {t:n($cx + 5)},{t:n($mid)} {t:n($cx)},{t:n($mid + 5)} {t:n($cx - 5)},{t:n($mid)}"/>
      </xsl:when>
      <xsl:otherwise>
        <rect x="{t:n($xa)}" y="{t:n($mid - 4)}" width="{t:n($xb - $xa)}" height="8"
              rx="1.5" fill="{$fill}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ phasing -->
  <xsl:variable name="phasing-label-w" select="66"/>
  <xsl:variable name="phasing-head-h" select="22"/>
  <xsl:variable name="chip-min-w" select="34"/>
  <xsl:variable name="chip-h" select="13"/>
  <xsl:variable name="chip-gap" select="4"/>
  <xsl:variable name="chip-size" select="7"/>

  <!-- Chips are as wide as the longest number needs (never wider than a cell: the number's
       font shrinks instead), and a cell holds as many per line as fit, then wraps. -->
  <xsl:template match="d:phasing" mode="fo">
    <xsl:variable name="col-w" select="($chart-units - $phasing-label-w) div 3"/>
    <xsl:variable name="num-w" select="t:widest(d:item/@num, $chip-size, true())"/>
    <xsl:variable name="chip-w" select="t:min($col-w - 2 * $chip-gap, t:max($chip-min-w, $num-w + 8))"/>
    <xsl:variable name="font" select="t:min($chip-size, $chip-size * ($chip-w - 4) div t:max(1, $num-w))"/>
    <xsl:variable name="per-line" select="t:max(1, floor(($col-w - $chip-gap) div ($chip-w + $chip-gap)))"/>
    <xsl:variable name="h1" select="t:phasing-band-h(d:item[@priority = 1], $per-line)"/>
    <xsl:variable name="h2" select="t:phasing-band-h(d:item[@priority = 2], $per-line)"/>
    <xsl:variable name="h3" select="t:phasing-band-h(d:item[@priority = 3], $per-line)"/>
    <xsl:variable name="height" select="$phasing-head-h + $h1 + $h2 + $h3 + 2"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <xsl:call-template name="phasing-head">
          <xsl:with-param name="col-w" select="$col-w"/>
        </xsl:call-template>
        <xsl:call-template name="phasing-band">
          <xsl:with-param name="p" select="1"/><xsl:with-param name="y" select="$phasing-head-h"/>
          <xsl:with-param name="h" select="$h1"/><xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="per-line" select="$per-line"/>
          <xsl:with-param name="chip-w" select="$chip-w"/><xsl:with-param name="font" select="$font"/>
        </xsl:call-template>
        <xsl:call-template name="phasing-band">
          <xsl:with-param name="p" select="2"/><xsl:with-param name="y" select="$phasing-head-h + $h1"/>
          <xsl:with-param name="h" select="$h2"/><xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="per-line" select="$per-line"/>
          <xsl:with-param name="chip-w" select="$chip-w"/><xsl:with-param name="font" select="$font"/>
        </xsl:call-template>
        <xsl:call-template name="phasing-band">
          <xsl:with-param name="p" select="3"/><xsl:with-param name="y" select="$phasing-head-h + $h1 + $h2"/>
          <xsl:with-param name="h" select="$h3"/><xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="per-line" select="$per-line"/>
          <xsl:with-param name="chip-w" select="$chip-w"/><xsl:with-param name="font" select="$font"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Column of an item: 0 court, 1 moyen, 2 long (anything else counts as long). -->
  <func:function name="t:phasing-col">
    <xsl:param name="horizon"/>
    <xsl:choose>
      <xsl:when test="$horizon = 'court'"><func:result select="0"/></xsl:when>
      <xsl:when test="$horizon = 'moyen'"><func:result select="1"/></xsl:when>
      <xsl:otherwise><func:result select="2"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- Height of a priority band: enough lines of chips for its fullest horizon. -->
  <func:function name="t:phasing-band-h">
    <xsl:param name="items"/>
    <xsl:param name="per-line"/>
    <xsl:variable name="n-long" select="count($items) - count($items[@horizon = 'court'])
                                        - count($items[@horizon = 'moyen'])"/>
    <xsl:variable name="n-max" select="t:max(count($items[@horizon = 'court']),
        t:max(count($items[@horizon = 'moyen']), $n-long))"/>
    <xsl:variable name="lines" select="t:max(1, ceiling($n-max div $per-line))"/>
    <func:result select="$lines * ($chip-h + $chip-gap) + 2 * $chip-gap + 4"/>
  </func:function>

  <!-- Column titles on a band along the top. -->
  <xsl:template name="phasing-head">
    <xsl:param name="col-w"/>
    <xsl:variable name="x0" select="$phasing-label-w"/>
    <rect x="{$x0}" y="0" width="{t:n(3 * $col-w)}" height="{$phasing-head-h - 4}" fill="{$color-primary}"/>
    <xsl:call-template name="phasing-col-title">
      <xsl:with-param name="x" select="$x0"/><xsl:with-param name="w" select="$col-w"/>
      <xsl:with-param name="title" select="'Court terme'"/>
    </xsl:call-template>
    <xsl:call-template name="phasing-col-title">
      <xsl:with-param name="x" select="$x0 + $col-w"/><xsl:with-param name="w" select="$col-w"/>
      <xsl:with-param name="title" select="'Moyen terme'"/>
    </xsl:call-template>
    <xsl:call-template name="phasing-col-title">
      <xsl:with-param name="x" select="$x0 + 2 * $col-w"/><xsl:with-param name="w" select="$col-w"/>
      <xsl:with-param name="title" select="'Long terme'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="phasing-col-title">
    <xsl:param name="x"/>
    <xsl:param name="w"/>
    <xsl:param name="title"/>
    <text x="{t:n($x + $w div 2)}" y="{$phasing-head-h - 9}" font-size="8" font-weight="bold"
          text-anchor="middle" fill="{$color-header-fg}"><xsl:value-of select="$title"/></text>
    <line x1="{t:n($x)}" y1="0" x2="{t:n($x)}" y2="{$phasing-head-h - 4}"
          stroke="{$color-header-fg}" stroke-width="0.8"/>
  </xsl:template>

  <!-- One priority: its label, a separator, and the chips of each horizon, $per-line
       to a line of its cell. -->
  <xsl:template name="phasing-band">
    <xsl:param name="p"/>
    <xsl:param name="y"/>
    <xsl:param name="h"/>
    <xsl:param name="col-w"/>
    <xsl:param name="per-line"/>
    <xsl:param name="chip-w"/>
    <xsl:param name="font"/>
    <xsl:if test="$p mod 2 = 1">
      <rect x="0" y="{t:n($y)}" width="{$chart-units}" height="{t:n($h)}" fill="{$color-tint}"/>
    </xsl:if>
    <rect x="4" y="{t:n($y + $h div 2 - 6)}" width="8" height="8" fill="{t:chart-color($p)}"/>
    <text x="16" y="{t:n($y + $h div 2 + 1)}" font-size="8" font-weight="bold"
          fill="{$color-text}">Priorité <xsl:value-of select="$p"/></text>
    <xsl:for-each select="d:item[@priority = $p]">
      <xsl:variable name="col" select="t:phasing-col(@horizon)"/>
      <!-- rank among the items of the same cell -->
      <xsl:variable name="rank" select="count(preceding-sibling::d:item[@priority = $p
          and t:phasing-col(@horizon) = $col])"/>
      <xsl:variable name="cx" select="$phasing-label-w + $col * $col-w + $chip-gap
                                      + ($rank mod $per-line) * ($chip-w + $chip-gap)"/>
      <xsl:variable name="cy" select="$y + $chip-gap + 2 + floor($rank div $per-line) * ($chip-h + $chip-gap)"/>
      <rect x="{t:n($cx)}" y="{t:n($cy)}" width="{t:n($chip-w)}" height="{$chip-h}" rx="2"
            fill="{t:chart-color($p)}"/>
      <text x="{t:n($cx + $chip-w div 2)}" y="{t:n($cy + $chip-h div 2 + $font * 0.36)}"
            font-size="{t:n($font)}" text-anchor="middle" font-weight="bold">
        <xsl:attribute name="fill">
          <xsl:choose>
            <xsl:when test="$p = 3"><xsl:value-of select="$color-text"/></xsl:when>
            <xsl:otherwise>#FFFFFF</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:value-of select="@num"/>
      </text>
    </xsl:for-each>
    <line x1="0" y1="{t:n($y + $h)}" x2="{$chart-units}" y2="{t:n($y + $h)}"
          stroke="{$color-chart-grid}" stroke-width="0.5"/>
  </xsl:template>

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
    <xsl:call-template name="chart-lines">
      <xsl:with-param name="lines" select="$lines"/>
      <xsl:with-param name="x" select="$label-w - 5"/>
      <xsl:with-param name="mid" select="$mid"/>
      <xsl:with-param name="anchor" select="'end'"/>
    </xsl:call-template>
    <text x="{t:n($bar-end + $bars-value-gap)}" y="{t:n($mid + 2.6)}"
          font-size="7.5" font-weight="bold" fill="{$color-text}"><xsl:value-of select="@text"/></text>
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
        <line x1="{t:n($label-w)}" y1="0" x2="{t:n($label-w)}" y2="{t:n($height)}"
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

  <xsl:template match="d:stacked" mode="fo">
    <xsl:variable name="totals">
      <xsl:for-each select="d:bar"><t:v><xsl:value-of select="sum(d:seg/@value)"/></t:v></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="max" select="math:max(exsl:node-set($totals)/t:v)"/>
    <xsl:variable name="label-w" select="t:bars-label-w(d:bar)"/>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="$max &gt; 0">
          <xsl:value-of select="($chart-units - $label-w - t:bars-value-w(d:bar)) div $max"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
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
        <line x1="{t:n($label-w)}" y1="{$legend-h}" x2="{t:n($label-w)}" y2="{t:n($height)}"
              stroke="{$color-text}" stroke-width="0.6"/>
        <xsl:for-each select="d:bar">
          <xsl:variable name="pos" select="position()"/>
          <xsl:variable name="h" select="$bars-row-h + (count($rows[$pos]/t:l) - 1) * $chart-line-h"/>
          <xsl:variable name="mid" select="$legend-h + 3 + t:row-top($rows, $pos, $bars-row-h) + $h div 2"/>
          <xsl:for-each select="d:seg">
            <xsl:variable name="x0" select="$label-w + sum(preceding-sibling::d:seg/@value) * $scale"/>
            <xsl:if test="@value &gt; 0">
              <rect x="{t:n($x0)}" y="{t:n($mid - 6)}" width="{t:n(@value * $scale)}"
                    height="12" fill="{t:chart-color(position())}"/>
            </xsl:if>
          </xsl:for-each>
          <xsl:call-template name="bars-row-text">
            <xsl:with-param name="lines" select="$rows[$pos]/t:l"/>
            <xsl:with-param name="label-w" select="$label-w"/>
            <xsl:with-param name="mid" select="$mid"/>
            <xsl:with-param name="bar-end" select="$label-w + sum(d:seg/@value) * $scale"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
