<?xml version="1.0" encoding="UTF-8"?>
<!--
  Charter "neutre": sober, for documents that must not look like State publications.
  Greys and a dark blue-green; serif body (TeX Gyre Pagella, else Liberation Serif),
  sans-serif headings and tables (Liberation Sans).
  Imported after the deliverable stylesheet: overrides base.xsl, never imports it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <xsl:param name="charter-name" select="'neutre'"/>

  <xsl:param name="color-primary" select="'#1D4A4F'"/>   <!-- dark blue-green -->
  <xsl:param name="color-accent" select="'#5E8C87'"/>
  <xsl:param name="color-text" select="'#222222'"/>
  <xsl:param name="color-muted" select="'#6B6B6B'"/>
  <xsl:param name="color-rule" select="'#D0D0D0'"/>
  <xsl:param name="color-tint" select="'#EEF2F1'"/>
  <xsl:param name="color-chart-1" select="'#0E2325'"/>
  <xsl:param name="color-chart-2" select="'#487772'"/>
  <xsl:param name="color-chart-3" select="'#6E9A95'"/>

  <xsl:param name="font-body" select="'TeX Gyre Pagella, Liberation Serif, serif'"/>
  <xsl:param name="font-heading" select="'Liberation Sans, sans-serif'"/>
  <xsl:param name="font-chart" select="'Liberation Sans, sans-serif'"/>
  <xsl:param name="font-size-body" select="'10.5pt'"/>

  <!-- Chapter titles: no coloured rule, a thin grey one. -->
  <xsl:attribute-set name="h1">
    <xsl:attribute name="font-weight">normal</xsl:attribute>
    <xsl:attribute name="border-after-width">0.5pt</xsl:attribute>
    <xsl:attribute name="border-after-color"><xsl:value-of select="$color-rule"/></xsl:attribute>
  </xsl:attribute-set>

</xsl:stylesheet>
