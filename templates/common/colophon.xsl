<?xml version="1.0" encoding="UTF-8"?>
<!-- Colophon: small print after the last section: what, which version, when, how it was made.
     Its block carries the id "lv-last", the document's last block. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    exclude-result-prefixes="a d lv t">

  <!-- $date (ISO) and $version: the deliverable's, from the source (common/dates.xsl); the
       build date is said here only, as "produit le". -->
  <xsl:template name="colophon-section">
      <xsl:param name="date"/>
      <xsl:param name="version"/>
      <d:colophon>
        <d:p>
          <xsl:apply-templates select="$atelier/a:titre" mode="plain"/>
          <xsl:if test="$the-site">
            <xsl:text> — </xsl:text><xsl:apply-templates select="$the-site/a:nom" mode="plain"/>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </d:p>
        <d:p>
          <xsl:text>Atelier piloté par </xsl:text>
          <xsl:value-of select="t:service($atelier/a:pilotage/a:service[1])"/>
          <xsl:text>.</xsl:text>
        </d:p>
        <d:p>
          <xsl:value-of select="concat('Version ', $version, ' du ', lv:date($date), '.')"/>
        </d:p>
        <d:p>
          <xsl:value-of select="concat('Document produit le ', lv:date($build-date),
                                       ' avec Livrables, à partir de la description XML de l’atelier.')"/>
        </d:p>
      </d:colophon>
  </xsl:template>

  <!-- Small print at the foot of the last page; it keeps with what precedes it, so that it
       never stands alone on a page. -->
  <xsl:template match="d:colophon" mode="fo">
    <fo:block id="{$last-block-id}" font-family="{$font-heading}" font-size="{$font-size-small}"
        color="{$color-muted}" line-height="1.5" keep-together.within-page="always"
        keep-with-previous.within-page="always"
        border-before-style="solid" border-before-width="0.4pt" border-before-color="{$color-rule}"
        padding-before="6pt" space-before="18mm">
      <xsl:for-each select="d:p">
        <fo:block><xsl:apply-templates mode="fo"/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
