<?xml version="1.0" encoding="UTF-8"?>
<!--
  Table of contents: one line per section down to $toc-depth, each a link with dot
  leaders and the page number (fo:page-number-citation to the section's id).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:livrables:doc"
    exclude-result-prefixes="d">

  <!-- A short document (five or six pages: a livret, a carnet, a note of a small atelier)
       does not give its contents a page of their own, three quarters empty: the first
       chapter follows them on the same page. Its length is judged before layout, from the
       characters of its sections and a figure's worth of them per chart or picture: 6,200
       (examples: 3,500 to 6,000 for five or six pages, 6,300 and more for eight) -->
  <xsl:variable name="toc-own-page-min" select="6200"/>
  <xsl:variable name="toc-chars-per-figure" select="1500"/>

  <xsl:template match="d:document" mode="toc">
    <xsl:variable name="sections" select="d:section[not(@id = 'lv-glossaire')]"/>
    <xsl:variable name="size"
        select="string-length(normalize-space(.))
                - string-length(normalize-space(d:section[@id = 'lv-glossaire']))
                + $toc-chars-per-figure * count($sections//d:gantt | $sections//d:phasing
                                               | $sections//d:bars | $sections//d:figure)"/>
    <fo:block id="lv-toc">
      <xsl:choose>
        <xsl:when test="$size &gt;= $toc-own-page-min">
          <xsl:attribute name="break-after">page</xsl:attribute>
        </xsl:when>
        <xsl:otherwise><xsl:attribute name="space-after">10mm</xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <fo:marker marker-class-name="chapter">Sommaire</fo:marker>
      <fo:block xsl:use-attribute-sets="toc-title">Sommaire</fo:block>
      <xsl:apply-templates select="d:section" mode="toc"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="d:section" mode="toc">
    <xsl:variable name="level" select="count(ancestor-or-self::d:section)"/>
    <xsl:if test="$level &lt;= $toc-depth">
      <xsl:choose>
        <xsl:when test="$level = 1">
          <fo:block xsl:use-attribute-sets="toc-entry-1">
            <xsl:call-template name="toc-line"/>
          </fo:block>
        </xsl:when>
        <xsl:otherwise>
          <fo:block xsl:use-attribute-sets="toc-entry-2">
            <xsl:call-template name="toc-line"/>
          </fo:block>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="d:section" mode="toc"/>
    </xsl:if>
  </xsl:template>

  <!-- Number, title, dot leader, page: all one link to the section. -->
  <xsl:template name="toc-line">
    <xsl:variable name="id"><xsl:apply-templates select="." mode="section-id"/></xsl:variable>
    <fo:basic-link internal-destination="{$id}">
      <xsl:variable name="number"><xsl:apply-templates select="." mode="section-number"/></xsl:variable>
      <xsl:if test="$number != ''">
        <fo:inline xsl:use-attribute-sets="heading-number"><xsl:value-of select="$number"/></fo:inline>
        <xsl:text>  </xsl:text>
      </xsl:if>
      <xsl:call-template name="superscripts"><xsl:with-param name="s" select="@title"/></xsl:call-template>
      <fo:inline keep-together.within-line="always">
        <xsl:text> </xsl:text>
        <fo:leader xsl:use-attribute-sets="toc-leader"/>
        <xsl:text> </xsl:text>
        <fo:page-number-citation ref-id="{$id}"/>
      </fo:inline>
    </fo:basic-link>
  </xsl:template>

</xsl:stylesheet>
