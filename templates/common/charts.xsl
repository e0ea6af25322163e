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
-->
<xsl:stylesheet version="1.0"
    xmlns="http://www.w3.org/2000/svg"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:livrables:doc"
    xmlns:t="urn:livrables:templates"
    xmlns:func="http://exslt.org/functions"
    xmlns:math="http://exslt.org/math"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="func"
    exclude-result-prefixes="d t func math exsl">

  <xsl:param name="chart-width-mm" select="160"/>
  <xsl:variable name="chart-units" select="450"/>
  <xsl:variable name="months-fr" select="'janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.|'"/>

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

  <!-- Short French month name, 1..12. -->
  <func:function name="t:month">
    <xsl:param name="m"/>
    <xsl:variable name="rest">
      <xsl:call-template name="nth-field">
        <xsl:with-param name="list" select="$months-fr"/>
        <xsl:with-param name="n" select="$m"/>
      </xsl:call-template>
    </xsl:variable>
    <func:result select="string($rest)"/>
  </func:function>

  <xsl:template name="nth-field">
    <xsl:param name="list"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 1"><xsl:value-of select="substring-before($list, '|')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="nth-field">
          <xsl:with-param name="list" select="substring-after($list, '|')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
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
  <xsl:variable name="gantt-label-w" select="140"/>
  <xsl:variable name="gantt-row-h" select="15"/>
  <xsl:variable name="gantt-top" select="26"/>

  <xsl:template match="d:gantt" mode="fo">
    <xsl:variable name="d0" select="t:days(@start)"/>
    <xsl:variable name="height" select="$gantt-top + count(d:bar) * $gantt-row-h + 6"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <xsl:call-template name="gantt-months">
          <xsl:with-param name="y" select="number(substring(@start, 1, 4))"/>
          <xsl:with-param name="m" select="number(substring(@start, 6, 2))"/>
          <xsl:with-param name="d0" select="$d0"/>
          <xsl:with-param name="span" select="t:days(@end) - $d0 + 1"/>
          <xsl:with-param name="height" select="$height"/>
          <xsl:with-param name="first" select="true()"/>
        </xsl:call-template>
        <xsl:apply-templates select="d:bar" mode="gantt">
          <xsl:with-param name="d0" select="$d0"/>
          <xsl:with-param name="span" select="t:days(@end) - $d0 + 1"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- x of a day number on the time axis. -->
  <func:function name="t:gantt-x">
    <xsl:param name="day"/>
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:variable name="x0" select="$gantt-label-w + 4"/>
    <func:result select="$x0 + ($day - $d0) * ($chart-units - 8 - $x0) div $span"/>
  </func:function>

  <!-- One column per month: a grid line, the month name, the year on January. -->
  <xsl:template name="gantt-months">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:param name="height"/>
    <xsl:param name="first"/>
    <xsl:variable name="iso" select="concat($y, '-', format-number($m, '00'), '-01')"/>
    <xsl:variable name="day" select="t:days($iso)"/>
    <xsl:if test="$day &lt; $d0 + $span">
      <xsl:variable name="ny" select="$y + floor($m div 12)"/>
      <xsl:variable name="nm" select="$m mod 12 + 1"/>
      <xsl:variable name="next" select="t:days(concat($ny, '-', format-number($nm, '00'), '-01'))"/>
      <xsl:variable name="xa" select="t:gantt-x(t:max($day, $d0), $d0, $span)"/>
      <xsl:variable name="xb" select="t:gantt-x(t:min($next, $d0 + $span), $d0, $span)"/>
      <xsl:if test="$m mod 2 = 1">
        <rect x="{t:n($xa)}" y="{$gantt-top - 10}" width="{t:n($xb - $xa)}"
              height="{t:n($height - $gantt-top + 6)}" fill="{$color-tint}"/>
      </xsl:if>
      <xsl:if test="$xb - $xa &gt; 14">
        <text x="{t:n(($xa + $xb) div 2)}" y="{$gantt-top - 3}" font-size="6.5"
              text-anchor="middle" fill="{$color-muted}"><xsl:value-of select="t:month($m)"/></text>
      </xsl:if>
      <xsl:if test="$first or $m = 1">
        <text x="{t:n($xa + 1)}" y="9" font-size="7" font-weight="bold"
              fill="{$color-primary}"><xsl:value-of select="$y"/></text>
        <line x1="{t:n($xa)}" y1="2" x2="{t:n($xa)}" y2="{t:n($height - 2)}"
              stroke="{$color-primary}" stroke-width="0.6"/>
      </xsl:if>
      <xsl:call-template name="gantt-months">
        <xsl:with-param name="y" select="$ny"/>
        <xsl:with-param name="m" select="$nm"/>
        <xsl:with-param name="d0" select="$d0"/>
        <xsl:with-param name="span" select="$span"/>
        <xsl:with-param name="height" select="$height"/>
        <xsl:with-param name="first" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A step: its label on the left, a bar (or a diamond for a one-day session). -->
  <xsl:template match="d:bar" mode="gantt">
    <xsl:param name="d0"/>
    <xsl:param name="span"/>
    <xsl:variable name="row-y" select="$gantt-top + (position() - 1) * $gantt-row-h"/>
    <xsl:variable name="mid" select="$row-y + $gantt-row-h div 2"/>
    <xsl:variable name="xa" select="t:gantt-x(t:days(@start), $d0, $span)"/>
    <xsl:variable name="xb" select="t:gantt-x(t:days(@end) + 1, $d0, $span)"/>
    <xsl:variable name="fill">
      <xsl:choose>
        <xsl:when test="@kind = 'seance'"><xsl:value-of select="$color-accent"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$color-primary"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <line x1="0" y1="{t:n($row-y + $gantt-row-h)}" x2="{$chart-units}" y2="{t:n($row-y + $gantt-row-h)}"
          stroke="{$color-chart-grid}" stroke-width="0.4"/>
    <text x="2" y="{t:n($mid + 2.5)}" font-size="7.5" fill="{$color-text}">
      <xsl:value-of select="@label"/>
    </text>
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
  <xsl:variable name="chip-w" select="34"/>
  <xsl:variable name="chip-h" select="13"/>
  <xsl:variable name="chip-gap" select="4"/>

  <xsl:template match="d:phasing" mode="fo">
    <xsl:variable name="col-w" select="($chart-units - $phasing-label-w) div 3"/>
    <xsl:variable name="per-line" select="floor(($col-w - $chip-gap) div ($chip-w + $chip-gap))"/>
    <xsl:variable name="h1"><xsl:call-template name="phasing-band-h">
      <xsl:with-param name="p" select="1"/><xsl:with-param name="per-line" select="$per-line"/>
    </xsl:call-template></xsl:variable>
    <xsl:variable name="h2"><xsl:call-template name="phasing-band-h">
      <xsl:with-param name="p" select="2"/><xsl:with-param name="per-line" select="$per-line"/>
    </xsl:call-template></xsl:variable>
    <xsl:variable name="h3"><xsl:call-template name="phasing-band-h">
      <xsl:with-param name="p" select="3"/><xsl:with-param name="per-line" select="$per-line"/>
    </xsl:call-template></xsl:variable>
    <xsl:variable name="height" select="$phasing-head-h + $h1 + $h2 + $h3 + 2"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <xsl:call-template name="phasing-head">
          <xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="height" select="$height"/>
        </xsl:call-template>
        <xsl:call-template name="phasing-band">
          <xsl:with-param name="p" select="1"/><xsl:with-param name="y" select="$phasing-head-h"/>
          <xsl:with-param name="h" select="$h1"/><xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="per-line" select="$per-line"/>
        </xsl:call-template>
        <xsl:call-template name="phasing-band">
          <xsl:with-param name="p" select="2"/><xsl:with-param name="y" select="$phasing-head-h + $h1"/>
          <xsl:with-param name="h" select="$h2"/><xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="per-line" select="$per-line"/>
        </xsl:call-template>
        <xsl:call-template name="phasing-band">
          <xsl:with-param name="p" select="3"/><xsl:with-param name="y" select="$phasing-head-h + $h1 + $h2"/>
          <xsl:with-param name="h" select="$h3"/><xsl:with-param name="col-w" select="$col-w"/>
          <xsl:with-param name="per-line" select="$per-line"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Height of a priority band: enough lines of chips for its fullest horizon. -->
  <xsl:template name="phasing-band-h">
    <xsl:param name="p"/>
    <xsl:param name="per-line"/>
    <xsl:variable name="items" select="d:item[@priority = $p]"/>
    <xsl:variable name="n-max" select="t:max(count($items[@horizon = 'court']),
        t:max(count($items[@horizon = 'moyen']), count($items[@horizon = 'long'])))"/>
    <xsl:variable name="lines" select="t:max(1, ceiling($n-max div $per-line))"/>
    <xsl:value-of select="$lines * ($chip-h + $chip-gap) + 2 * $chip-gap + 4"/>
  </xsl:template>

  <!-- Column titles and an arrow of time along the top. -->
  <xsl:template name="phasing-head">
    <xsl:param name="col-w"/>
    <xsl:param name="height"/>
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

  <!-- One priority: its label, a separator, and the chips of each horizon. -->
  <xsl:template name="phasing-band">
    <xsl:param name="p"/>
    <xsl:param name="y"/>
    <xsl:param name="h"/>
    <xsl:param name="col-w"/>
    <xsl:param name="per-line"/>
    <xsl:if test="$p mod 2 = 1">
      <rect x="0" y="{t:n($y)}" width="{$chart-units}" height="{t:n($h)}" fill="{$color-tint}"/>
    </xsl:if>
    <rect x="4" y="{t:n($y + $h div 2 - 6)}" width="8" height="8" fill="{t:chart-color($p)}"/>
    <text x="16" y="{t:n($y + $h div 2 + 1)}" font-size="8" font-weight="bold"
          fill="{$color-text}">Priorité <xsl:value-of select="$p"/></text>
    <xsl:for-each select="d:item[@priority = $p]">
      <xsl:variable name="col">
        <xsl:choose>
          <xsl:when test="@horizon = 'court'">0</xsl:when>
          <xsl:when test="@horizon = 'moyen'">1</xsl:when>
          <xsl:otherwise>2</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <!-- rank among the items of the same cell -->
      <xsl:variable name="rank" select="count(preceding-sibling::d:item[@priority = $p and @horizon = current()/@horizon])"/>
      <xsl:variable name="cx" select="$phasing-label-w + $col * $col-w + $chip-gap
                                      + ($rank mod $per-line) * ($chip-w + $chip-gap)"/>
      <xsl:variable name="cy" select="$y + $chip-gap + 2 + floor($rank div $per-line) * ($chip-h + $chip-gap)"/>
      <rect x="{t:n($cx)}" y="{t:n($cy)}" width="{$chip-w}" height="{$chip-h}" rx="2"
            fill="{t:chart-color($p)}"/>
      <text x="{t:n($cx + $chip-w div 2)}" y="{t:n($cy + $chip-h - 3.8)}" font-size="7"
            text-anchor="middle" font-weight="bold">
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

  <!-- ============================================================ bar chart -->
  <xsl:variable name="bars-label-w" select="200"/>
  <xsl:variable name="bars-value-w" select="60"/>
  <xsl:variable name="bars-row-h" select="18"/>

  <xsl:template match="d:bars" mode="fo">
    <xsl:variable name="max" select="math:max(d:bar/@value)"/>
    <xsl:variable name="height" select="count(d:bar) * $bars-row-h + 6"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <line x1="{$bars-label-w}" y1="0" x2="{$bars-label-w}" y2="{$height}"
              stroke="{$color-text}" stroke-width="0.6"/>
        <xsl:for-each select="d:bar">
          <xsl:variable name="y" select="3 + (position() - 1) * $bars-row-h"/>
          <xsl:variable name="w">
            <xsl:choose>
              <xsl:when test="$max &gt; 0">
                <xsl:value-of select="@value div $max * ($chart-units - $bars-label-w - $bars-value-w)"/>
              </xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <text x="{$bars-label-w - 5}" y="{t:n($y + $bars-row-h div 2 + 2.5)}" font-size="7.5"
                text-anchor="end" fill="{$color-text}"><xsl:value-of select="@label"/></text>
          <rect x="{$bars-label-w}" y="{t:n($y + 3)}" width="{t:n($w)}" height="{$bars-row-h - 6}"
                fill="{$color-chart-1}"/>
          <text x="{t:n($bars-label-w + $w + 4)}" y="{t:n($y + $bars-row-h div 2 + 2.5)}"
                font-size="7.5" font-weight="bold" fill="{$color-text}"><xsl:value-of select="@text"/></text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ stacked bars -->
  <xsl:variable name="stacked-legend-h" select="18"/>

  <xsl:template match="d:stacked" mode="fo">
    <xsl:variable name="totals">
      <xsl:for-each select="d:bar"><t:v><xsl:value-of select="sum(d:seg/@value)"/></t:v></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="max" select="math:max(exsl:node-set($totals)/t:v)"/>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="$max &gt; 0">
          <xsl:value-of select="($chart-units - $bars-label-w - $bars-value-w) div $max"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="height" select="$stacked-legend-h + count(d:bar) * $bars-row-h + 6"/>
    <xsl:call-template name="chart-frame">
      <xsl:with-param name="height" select="$height"/>
      <xsl:with-param name="svg-body">
        <!-- legend -->
        <xsl:for-each select="d:series">
          <xsl:variable name="x" select="$bars-label-w + (position() - 1) * 80"/>
          <rect x="{$x}" y="3" width="9" height="9" fill="{t:chart-color(position())}"/>
          <text x="{$x + 13}" y="10.5" font-size="7.5" fill="{$color-text}"><xsl:value-of select="@label"/></text>
        </xsl:for-each>
        <line x1="{$bars-label-w}" y1="{$stacked-legend-h}" x2="{$bars-label-w}" y2="{$height}"
              stroke="{$color-text}" stroke-width="0.6"/>
        <xsl:for-each select="d:bar">
          <xsl:variable name="y" select="$stacked-legend-h + 3 + (position() - 1) * $bars-row-h"/>
          <text x="{$bars-label-w - 5}" y="{t:n($y + $bars-row-h div 2 + 2.5)}" font-size="7.5"
                text-anchor="end" fill="{$color-text}"><xsl:value-of select="@label"/></text>
          <xsl:for-each select="d:seg">
            <xsl:variable name="x0" select="$bars-label-w + sum(preceding-sibling::d:seg/@value) * $scale"/>
            <xsl:if test="@value &gt; 0">
              <rect x="{t:n($x0)}" y="{t:n($y + 3)}" width="{t:n(@value * $scale)}"
                    height="{$bars-row-h - 6}" fill="{t:chart-color(position())}"/>
            </xsl:if>
          </xsl:for-each>
          <text x="{t:n($bars-label-w + sum(d:seg/@value) * $scale + 4)}" y="{t:n($y + $bars-row-h div 2 + 2.5)}"
                font-size="7.5" font-weight="bold" fill="{$color-text}"><xsl:value-of select="@text"/></text>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
