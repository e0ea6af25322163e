<?xml version="1.0" encoding="UTF-8"?>
<!-- Colophon: small print after the last section: what the document is, who made it, which
     version of which date. Its block carries the id "lv-last", the document's last block. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    exclude-result-prefixes="a d lv t">

  <!-- An example's source (<atelier exemple="oui">) says so on the cover and here: its
       pages name real services beside invented commitments and people. -->
  <xsl:variable name="example-notice" select="'Exemple fictif'"/>
  <xsl:variable name="example-explanation"
      select="'Territoires, personnes, engagements et montants inventés : les services cités n’ont ni rédigé ni validé ce document.'"/>

  <!-- $date (ISO) and $version: the deliverable's, from the source (common/dates.xsl).
       Neither the tool nor the build date is printed: a publication dated by its source
       says nothing of when the file was made (that date is in the PDF's metadata only).
       $deliverable: its name ("Rapport final"). -->
  <xsl:template name="colophon-section">
      <xsl:param name="date"/>
      <xsl:param name="version"/>
      <xsl:param name="deliverable" select="''"/>
      <xsl:variable name="title"><xsl:apply-templates select="$atelier/a:titre" mode="plain"/></xsl:variable>
      <xsl:variable name="site"><xsl:apply-templates select="$the-site/a:nom" mode="plain"/></xsl:variable>
      <d:colophon>
        <d:p>
          <xsl:if test="$deliverable != ''"><xsl:value-of select="concat($deliverable, ' — ')"/></xsl:if>
          <xsl:value-of select="$title"/>
          <!-- "Atelier flash de Vernay-sur-Loue" names its site already -->
          <xsl:if test="$site != '' and not(contains($title, $site))">
            <xsl:value-of select="concat(' — ', $site)"/>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </d:p>
        <d:p>
          <xsl:value-of select="concat('Atelier piloté par ', t:service($atelier/a:pilotage/a:service[1]))"/>
          <xsl:call-template name="colophon-team"><xsl:with-param name="equipe" select="$atelier/a:equipe"/></xsl:call-template>
          <xsl:text>.</xsl:text>
        </d:p>
        <d:p><xsl:value-of select="concat('Version ', $version, ' du ', lv:date($date), '.')"/></d:p>
      </d:colophon>
  </xsl:template>

  <!-- " ; équipe de conception : Atelier Sillons (mandataire), Hydrosphère conseil…", or
       nothing without a team. -->
  <xsl:template name="colophon-team">
    <xsl:param name="equipe"/>
    <xsl:if test="$equipe/a:mandataire">
      <xsl:value-of select="concat(' ; équipe de conception : ', lv:typo(normalize-space($equipe/a:mandataire/@nom)))"/>
      <xsl:if test="$equipe/a:cotraitant"> (mandataire)</xsl:if>
      <xsl:for-each select="$equipe/a:cotraitant">
        <xsl:value-of select="concat(', ', lv:typo(normalize-space(@nom)))"/>
      </xsl:for-each>
    </xsl:if>
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
      <xsl:if test="ancestor::d:document/@example = 'true'">
        <fo:block font-weight="bold" space-before="3pt">
          <xsl:value-of select="concat($example-notice, ' — ', $example-explanation)"/>
        </fo:block>
      </xsl:if>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
