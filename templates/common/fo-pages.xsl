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
    exclude-result-prefixes="d">

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
  <xsl:template match="d:document" mode="running-header">
    <fo:block xsl:use-attribute-sets="running-header" text-align="start" text-align-last="justify">
      <fo:inline>
        <xsl:value-of select="@title"/>
        <xsl:if test="@site != '' and not(contains(@title, @site))">
          <xsl:text> — </xsl:text><xsl:value-of select="@site"/>
        </xsl:if>
      </fo:inline>
      <fo:leader leader-pattern="space"/>
      <fo:inline>
        <fo:retrieve-marker retrieve-class-name="chapter"
            retrieve-position="first-including-carryover" retrieve-boundary="page-sequence"/>
      </fo:inline>
    </fo:block>
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
