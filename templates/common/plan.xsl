<?xml version="1.0" encoding="UTF-8"?>
<!--
  The action plan of a site, shared by the rapport final (summary) and the feuille de
  route (per-axis tables, phasing chart): table rows and totals computed from the source.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    exclude-result-prefixes="a d lv t">

  <!-- "Axe 1 — Habiter le centre-bourg" -->
  <xsl:template match="a:axe" mode="axis-title">
    <xsl:value-of select="concat('Axe ', @numero, ' — ')"/>
    <xsl:apply-templates select="a:titre" mode="plain"/>
  </xsl:template>

  <!-- Summary table of a site's actions, one group row per axis, total at the end.
       $detailed: true() adds the partners column (feuille de route). -->
  <xsl:template name="plan-table">
    <xsl:param name="axes"/>
    <xsl:param name="detailed" select="false()"/>
    <xsl:param name="group" select="true()"/>
    <!-- Short columns fixed; Action, Porteur (and Partenaires) by content, so that a place
         name such as "Castelvert-sur-Arrats" gets a line of its own width when the table has
         room for it. -->
    <d:table>
      <xsl:attribute name="cols">
        <xsl:choose>
          <xsl:when test="$detailed">10mm auto auto auto auto auto 19.5mm</xsl:when>
          <xsl:otherwise>10mm auto auto auto auto 19.5mm</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <d:head>
        <d:cell>N°</d:cell><d:cell>Action</d:cell><d:cell>Porteur</d:cell>
        <xsl:if test="$detailed"><d:cell>Partenaires</d:cell></xsl:if>
        <d:cell>Horizon</d:cell><d:cell align="center">Priorité</d:cell><d:cell align="end">Coût</d:cell>
      </d:head>
      <xsl:for-each select="$axes">
        <xsl:if test="$group">
          <d:row type="group"><d:cell><xsl:apply-templates select="." mode="axis-title"/></d:cell></d:row>
        </xsl:if>
        <xsl:apply-templates select="a:objectif/a:action" mode="plan-row">
          <xsl:with-param name="detailed" select="$detailed"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <d:row type="total">
        <d:cell span="{5 + boolean($detailed)}">
          <xsl:value-of select="concat('Total (', count($axes/a:objectif/a:action),
              t:plural(count($axes/a:objectif/a:action), ' action)', ' actions)'))"/>
        </d:cell>
        <d:cell align="end"><xsl:value-of select="t:amount(sum($axes/a:objectif/a:action/a:cout))"/></d:cell>
      </d:row>
    </d:table>
  </xsl:template>

  <xsl:template match="a:action" mode="plan-row">
    <xsl:param name="detailed"/>
    <d:row>
      <d:cell><xsl:value-of select="@numero"/></d:cell>
      <d:cell>
        <xsl:choose>
          <!-- In the feuille de route the title links to its fiche. -->
          <xsl:when test="$detailed">
            <d:ref to="{t:action-id(.)}"><xsl:apply-templates select="a:titre" mode="inline"/></d:ref>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="a:titre" mode="inline"/></xsl:otherwise>
        </xsl:choose>
      </d:cell>
      <d:cell><xsl:apply-templates select="a:porteur" mode="inline"/></d:cell>
      <xsl:if test="$detailed">
        <d:cell><xsl:call-template name="comma-list"><xsl:with-param name="nodes" select="a:partenaires/a:partenaire"/></xsl:call-template></d:cell>
      </xsl:if>
      <d:cell><xsl:value-of select="t:label('horizon', @horizon)"/></d:cell>
      <d:cell align="center"><xsl:value-of select="@priorite"/></d:cell>
      <d:cell align="end"><xsl:value-of select="t:amount(a:cout)"/></d:cell>
    </d:row>
  </xsl:template>

  <!-- The phasing chart: each action on its horizon, by priority. -->
  <xsl:template name="phasing-chart">
    <xsl:param name="actions"/>
    <d:phasing caption="Phasage des actions (numéros des fiches) — court terme : moins de 2 ans ; moyen terme : de 2 à 5 ans ; long terme : au-delà de 5 ans">
      <xsl:for-each select="$actions">
        <d:item num="{@numero}" priority="{@priorite}" horizon="{@horizon}"/>
      </xsl:for-each>
    </d:phasing>
  </xsl:template>

</xsl:stylesheet>
