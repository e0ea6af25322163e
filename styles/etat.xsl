<?xml version="1.0" encoding="UTF-8"?>
<!--
  Charter "etat": the look of a publication of the French State (colours of the DSFR).
  Bleu France for the structure, rouge Marianne as a sparing accent, Marianne typeface
  (falls back to Liberation Sans, metric-compatible with Arial, the DSFR fallback).
  No State logo is shipped: give the bloc-marque image with the command-line option or in
  the source (<pilotage><bloc-marque src="…"/>).
  Imported after the deliverable stylesheet: overrides base.xsl, never imports it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:param name="charter-name" select="'etat'"/>

  <xsl:param name="color-primary" select="'#000091'"/>   <!-- bleu France -->
  <xsl:param name="color-accent" select="'#E1000F'"/>    <!-- rouge Marianne -->
  <xsl:param name="color-text" select="'#161616'"/>
  <xsl:param name="color-muted" select="'#666666'"/>
  <xsl:param name="color-rule" select="'#DDDDDD'"/>
  <xsl:param name="color-tint" select="'#F5F5FE'"/>      <!-- bleu France 975 -->
  <xsl:param name="color-row-alt" select="'#F6F6F6'"/>
  <xsl:param name="color-chart-1" select="'#000091'"/>
  <xsl:param name="color-chart-2" select="'#6262DE'"/>
  <xsl:param name="color-chart-3" select="'#8585F6'"/>
  <xsl:param name="color-chart-grid" select="'#DDDDDD'"/>

  <xsl:param name="font-body" select="'Marianne, Liberation Sans, sans-serif'"/>
  <xsl:param name="font-heading" select="'Marianne, Liberation Sans, sans-serif'"/>
  <xsl:param name="font-chart" select="'Marianne, Liberation Sans, sans-serif'"/>
  <xsl:param name="font-size-body" select="'9.5pt'"/>
  <xsl:param name="line-height-body" select="'1.45'"/>

  <!-- The DSFR marks titles with weight and colour, not with rules: a short red
       underline is kept under chapter titles only. -->
  <xsl:attribute-set name="h1">
    <xsl:attribute name="border-after-width">1pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="heading-number">
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
  </xsl:attribute-set>

</xsl:stylesheet>
