<?xml version="1.0" encoding="UTF-8"?>
<!--
  Sites side by side (pass 1), shared by the livret de capitalisation (the sites of one
  atelier) and the seminar dossier (the sites of several ateliers): profiles, action plans
  counted by priority and horizon, strategic axes, and budgets by horizon as a chart.
  Every template takes $sites, a node-set of a:site; with $by-atelier true(), rows are
  grouped under the title of their atelier.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="a d lv t set">

  <!-- A group row naming the atelier before its first site (dossier only). -->
  <xsl:template name="compare-group-row">
    <xsl:param name="by-atelier"/>
    <xsl:if test="$by-atelier and not(preceding-sibling::a:site)">
      <d:row type="group"><d:cell><xsl:apply-templates select="../a:titre" mode="inline"/></d:cell></d:row>
    </xsl:if>
  </xsl:template>

  <!-- "Aveyron (12), Lozère (48)" -->
  <xsl:template match="a:site" mode="departements">
    <xsl:for-each select="a:departement">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="concat(lv:typo(normalize-space(.)), '&#160;(', @code, ')')"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Kind, département (optional), population, area, main stakes. -->
  <xsl:template name="compare-profiles">
    <xsl:param name="sites"/>
    <xsl:param name="by-atelier" select="false()"/>
    <xsl:param name="departement" select="false()"/>
    <d:table>
      <xsl:attribute name="cols">
        <xsl:choose>
          <xsl:when test="$departement">4.5 3.6 3 2.8 2.8 5</xsl:when>
          <xsl:otherwise>5 3.6 2.8 2.8 6</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <d:head><d:cell>Site</d:cell><d:cell>Nature</d:cell>
        <xsl:if test="$departement"><d:cell>Département</d:cell></xsl:if>
        <d:cell align="end">Population</d:cell>
        <d:cell align="end">Superficie</d:cell><d:cell>Principaux enjeux</d:cell></d:head>
      <xsl:for-each select="$sites">
        <xsl:call-template name="compare-group-row"><xsl:with-param name="by-atelier" select="$by-atelier"/></xsl:call-template>
        <d:row>
          <d:cell><d:strong><xsl:apply-templates select="a:nom" mode="inline"/></d:strong></d:cell>
          <d:cell><xsl:value-of select="t:label('nature', @nature)"/></d:cell>
          <xsl:if test="$departement">
            <d:cell><xsl:apply-templates select="." mode="departements"/></d:cell>
          </xsl:if>
          <d:cell align="end"><xsl:if test="a:population"><xsl:value-of select="lv:number(number(a:population))"/></xsl:if></d:cell>
          <d:cell align="end"><xsl:apply-templates select="a:superficie" mode="area"/></d:cell>
          <d:cell>
            <xsl:for-each select="set:distinct(a:diagnostic/a:enjeux/a:enjeu/@theme)">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="lv:typo(normalize-space(.))"/>
            </xsl:for-each>
          </d:cell>
        </d:row>
      </xsl:for-each>
    </d:table>
  </xsl:template>

  <!-- Number of actions by priority and by horizon, and their cost. -->
  <xsl:template name="compare-plans">
    <xsl:param name="sites"/>
    <xsl:param name="by-atelier" select="false()"/>
    <d:table cols="6 2 1 1 1 2 2 2 4">
      <d:head><d:cell>Site</d:cell><d:cell align="end">Actions</d:cell>
        <d:cell align="end">P1</d:cell><d:cell align="end">P2</d:cell><d:cell align="end">P3</d:cell>
        <d:cell align="end">Court</d:cell><d:cell align="end">Moyen</d:cell><d:cell align="end">Long</d:cell>
        <d:cell align="end"><xsl:value-of select="concat('Budget ', t:tax-of-actions($sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]))"/></d:cell></d:head>
      <xsl:for-each select="$sites">
        <xsl:call-template name="compare-group-row"><xsl:with-param name="by-atelier" select="$by-atelier"/></xsl:call-template>
        <d:row>
          <d:cell><xsl:apply-templates select="a:nom" mode="inline"/></d:cell>
          <xsl:call-template name="compare-counts">
            <xsl:with-param name="acts" select="a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
          </xsl:call-template>
        </d:row>
      </xsl:for-each>
      <d:row type="total">
        <d:cell>Ensemble</d:cell>
        <xsl:call-template name="compare-counts">
          <xsl:with-param name="acts" select="$sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
        </xsl:call-template>
      </d:row>
    </d:table>
    <d:caption>P1, P2, P3 : actions de priorité 1 (essentielle), 2 (importante) et 3 (utile). Court, moyen, long : horizon de lancement des actions (dans les 2 ans, de 2 à 5 ans, au-delà).</d:caption>
  </xsl:template>

  <!-- Cells: number of actions, by priority, by horizon, total cost. -->
  <xsl:template name="compare-counts">
    <xsl:param name="acts"/>
    <d:cell align="end"><xsl:value-of select="count($acts)"/></d:cell>
    <d:cell align="end"><xsl:value-of select="count($acts[@priorite = 1])"/></d:cell>
    <d:cell align="end"><xsl:value-of select="count($acts[@priorite = 2])"/></d:cell>
    <d:cell align="end"><xsl:value-of select="count($acts[@priorite = 3])"/></d:cell>
    <d:cell align="end"><xsl:value-of select="count($acts[@horizon = 'court'])"/></d:cell>
    <d:cell align="end"><xsl:value-of select="count($acts[@horizon = 'moyen'])"/></d:cell>
    <d:cell align="end"><xsl:value-of select="count($acts[@horizon = 'long'])"/></d:cell>
    <d:cell align="end"><xsl:value-of select="t:amount(sum($acts/a:cout))"/></d:cell>
  </xsl:template>

  <!-- The strategic axes of each site, with their cost. -->
  <xsl:template name="compare-axes">
    <xsl:param name="sites"/>
    <xsl:param name="by-atelier" select="false()"/>
    <d:table cols="4 9 3">
      <d:head><d:cell>Site</d:cell><d:cell>Axes stratégiques</d:cell><d:cell align="end"><xsl:value-of select="concat('Coût ', t:tax-of-actions($sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]))"/></d:cell></d:head>
      <xsl:for-each select="$sites">
        <xsl:call-template name="compare-group-row"><xsl:with-param name="by-atelier" select="$by-atelier"/></xsl:call-template>
        <xsl:variable name="site-name"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:variable>
        <xsl:for-each select="a:strategie/a:axe">
          <d:row>
            <d:cell>
              <xsl:if test="position() = 1"><d:strong><xsl:value-of select="$site-name"/></d:strong></xsl:if>
            </d:cell>
            <d:cell><xsl:value-of select="concat(@numero, '. ')"/><xsl:apply-templates select="a:titre" mode="inline"/></d:cell>
            <d:cell align="end"><xsl:value-of select="t:amount(sum(a:objectif/a:action[t:open(.)]/a:cout))"/></d:cell>
          </d:row>
        </xsl:for-each>
      </xsl:for-each>
    </d:table>
  </xsl:template>

  <!-- Cost of each site's plan, split by horizon (the only split common to every site). -->
  <xsl:template name="compare-budget-chart">
    <xsl:param name="sites"/>
    <d:stacked caption="Coût estimé des plans d’actions par site, réparti selon l’horizon des actions">
      <d:series label="Court terme"/><d:series label="Moyen terme"/><d:series label="Long terme"/>
      <xsl:for-each select="$sites">
        <xsl:variable name="acts" select="a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
        <d:bar text="{t:amount(sum($acts/a:cout))}">
          <xsl:attribute name="label"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:attribute>
          <d:seg value="{sum($acts[@horizon = 'court']/a:cout)}"/>
          <d:seg value="{sum($acts[@horizon = 'moyen']/a:cout)}"/>
          <d:seg value="{sum($acts[@horizon = 'long']/a:cout)}"/>
        </d:bar>
      </xsl:for-each>
    </d:stacked>
  </xsl:template>

</xsl:stylesheet>
