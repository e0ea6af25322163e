<?xml version="1.0" encoding="UTF-8"?>
<!--
  Page masters (A4, single-sided) and the main page sequence: running header with the
  current chapter (fo:retrieve-marker), footer "Page n / N", then the table of contents
  and the body in one flow.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:livrables:doc"
    xmlns:t="urn:livrables:templates"
    xmlns:lv="urn:livrables:xslt"
    xmlns:math="http://exslt.org/math"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d t lv math exsl">

  <!-- Id of the main page sequence. -->
  <xsl:variable name="main-sequence-id" select="'lv-main'"/>
  <!-- "Page n / N" cites the last page of the colophon, the document's last block
       (an id on a block is resolved by every engine; a page-sequence id not always). -->
  <xsl:variable name="last-block-id" select="'lv-last'"/>

  <xsl:template name="layout-master-set">
    <fo:layout-master-set>
      <!-- Cover: full bleed, so that the colour band reaches the paper edges. -->
      <fo:simple-page-master master-name="cover"
          page-width="{$page-width}" page-height="{$page-height}">
        <fo:region-body/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="body"
          page-width="{$page-width}" page-height="{$page-height}"
          margin-top="{$margin-top}" margin-bottom="{$margin-bottom}"
          margin-left="{$margin-inner}" margin-right="{$margin-outer}">
        <fo:region-body margin-top="{$header-extent}" margin-bottom="{$footer-extent}"/>
        <fo:region-before extent="{$header-extent}" region-name="header"/>
        <fo:region-after extent="{$footer-extent}" region-name="footer" display-align="after"/>
      </fo:simple-page-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- Table of contents, then the chapters, glossary and colophon. -->
  <xsl:template match="d:document" mode="main-sequence">
    <fo:page-sequence master-reference="body" id="{$main-sequence-id}"
        language="fr" country="FR">
      <fo:static-content flow-name="header">
        <xsl:apply-templates select="." mode="running-header"/>
      </fo:static-content>
      <fo:static-content flow-name="footer">
        <xsl:apply-templates select="." mode="running-footer"/>
      </fo:static-content>
      <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="body">
        <xsl:apply-templates select="." mode="toc"/>
        <xsl:apply-templates select="d:section | d:colophon" mode="fo"/>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- Header: atelier and site on the left, on the right the chapter in effect at the top
       of the page: the one carried over from the page before, else the one that starts at
       its top (a chapter that starts lower down is named from the next page on). -->
  <!-- The header stays on one line: when the atelier and a long site name (« Pôle d'équilibre
       territorial et rural du Pays des Garrigues hautes ») leave too little room for the
       widest chapter title, measured by the text engine at the header's 7.5 pt, the site
       alone names the document there (the footer and cover name the atelier), cut after
       its last whole word that fits, with an ellipsis, if it is too long itself. -->
  <xsl:template match="d:document" mode="running-header">
    <xsl:variable name="full">
      <xsl:value-of select="@title"/>
      <xsl:if test="@site != '' and not(contains(@title, @site))">
        <xsl:text> — </xsl:text><xsl:value-of select="@site"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="chapters">
      <xsl:for-each select="d:section">
        <xsl:variable name="label"><xsl:apply-templates select="." mode="section-label"/></xsl:variable>
        <t:w><xsl:value-of select="lv:text-width(string($label), $font-heading, 7.5, 400)"/></t:w>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="widest">
      <xsl:choose>
        <xsl:when test="d:section"><xsl:value-of select="math:max(exsl:node-set($chapters)/t:w)"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="room" select="t:pt($page-width) - t:pt($margin-inner) - t:pt($margin-outer) - 12 - $widest"/>
    <fo:block xsl:use-attribute-sets="running-header" text-align="start" text-align-last="justify">
      <fo:inline>
        <xsl:choose>
          <xsl:when test="@site != '' and lv:text-width(string($full), $font-heading, 7.5, 400) &gt; $room">
            <xsl:call-template name="header-words">
              <xsl:with-param name="rest" select="normalize-space(@site)"/>
              <xsl:with-param name="room" select="$room"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$full"/></xsl:otherwise>
        </xsl:choose>
      </fo:inline>
      <fo:leader leader-pattern="space"/>
      <fo:inline>
        <fo:retrieve-marker retrieve-class-name="chapter"
            retrieve-position="first-including-carryover" retrieve-boundary="page-sequence"/>
      </fo:inline>
    </fo:block>
  </xsl:template>

  <!-- $done, then as many words of $rest as fit in $room at the header's size; an ellipsis
       after the last one when some are left out. -->
  <xsl:template name="header-words">
    <xsl:param name="done" select="''"/>
    <xsl:param name="rest"/>
    <xsl:param name="room"/>
    <xsl:variable name="word" select="substring-before(concat($rest, ' '), ' ')"/>
    <xsl:variable name="next" select="concat($done, substring(' ', 1, number($done != '')), $word)"/>
    <xsl:choose>
      <xsl:when test="$rest = ''"><xsl:value-of select="$done"/></xsl:when>
      <xsl:when test="lv:text-width(concat($next, '…'), $font-heading, 7.5, 400) &gt; $room and $done != ''">
        <xsl:value-of select="concat($done, '…')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="header-words">
          <xsl:with-param name="done" select="$next"/>
          <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
          <xsl:with-param name="room" select="$room"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Footer: deliverable (and draft mark) on the left, "Page n / N" on the right. -->
  <xsl:template match="d:document" mode="running-footer">
    <fo:block xsl:use-attribute-sets="running-footer" text-align="start" text-align-last="justify">
      <fo:inline>
        <xsl:value-of select="@deliverable"/>
        <xsl:if test="@draft = 'true'">
          <xsl:text> · </xsl:text>
          <fo:inline xsl:use-attribute-sets="draft-mark">Document de travail</fo:inline>
        </xsl:if>
      </fo:inline>
      <fo:leader leader-pattern="space"/>
      <fo:inline>
        <xsl:text>Page </xsl:text><fo:page-number/>
        <xsl:text> / </xsl:text><fo:page-number-citation-last ref-id="{$last-block-id}"/>
      </fo:inline>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
