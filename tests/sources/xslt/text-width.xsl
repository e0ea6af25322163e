<?xml version="1.0" encoding="UTF-8"?>
<!-- lv:text-width over a few fonts, sizes and weights; with $site = 'arity', a call with
     too few arguments (which must fail the run). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:lv="urn:livrables:xslt">
  <xsl:param name="site"/>
  <xsl:variable name="s" select="'Castelvert-sur-Arrats, 2 127 000 €'"/>
  <xsl:template match="/">
    <r>
      <dejavu><xsl:value-of select="lv:text-width($s, 'DejaVu Sans', 10)"/></dejavu>
      <dejavu-20><xsl:value-of select="lv:text-width($s, 'DejaVu Sans', 20)"/></dejavu-20>
      <dejavu-bold><xsl:value-of select="lv:text-width($s, 'DejaVu Sans', 10, 'bold')"/></dejavu-bold>
      <dejavu-700><xsl:value-of select="lv:text-width($s, 'DejaVu Sans', 10, 700)"/></dejavu-700>
      <liberation><xsl:value-of select="lv:text-width($s, 'Liberation Sans, sans-serif', 10)"/></liberation>
      <fallback><xsl:value-of select="lv:text-width($s, 'Nowhere Sans, DejaVu Sans, sans-serif', 10)"/></fallback>
      <empty><xsl:value-of select="lv:text-width('', 'DejaVu Sans', 10)"/></empty>
      <xsl:if test="$site = 'arity'">
        <bad><xsl:value-of select="lv:text-width($s)"/></bad>
      </xsl:if>
    </r>
  </xsl:template>
</xsl:stylesheet>
