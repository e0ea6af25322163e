<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dossier of the regional final seminar, over several ateliers (issue 4).

  Input (built in memory by `livrables dossier`):
    <dossier xmlns="urn:livrables:atelier:1">
      <atelier xml:base="/abs/dir/">…validated source, XIncludes resolved…</atelier>…
    </dossier>
  $site is empty. One document: a cover for the seminar, its programme (one per atelier
  that has one), a synthesis comparing every site of every atelier, then each site's
  feuille de route (the chapters of feuille-de-route.xsl, called per site), with one table
  of contents, continuous page numbers and one bookmark per site.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="a d lv t set">

  <xsl:import href="feuille-de-route.xsl"/>

  <xsl:variable name="ateliers" select="/a:dossier/a:atelier"/>
  <xsl:variable name="all-sites" select="$ateliers/a:site"/>
  <xsl:variable name="seminars" select="$ateliers/a:seminaire-final"/>
  <!-- The seminar the cover announces: the first atelier's that has one. -->
  <xsl:variable name="seminar" select="$seminars[1]"/>
  <xsl:variable name="several" select="count($ateliers) &gt; 1"/>

  <xsl:variable name="dossier-title">
    <xsl:choose>
      <xsl:when test="$seminar/a:titre"><xsl:apply-templates select="$seminar/a:titre" mode="plain"/></xsl:when>
      <xsl:otherwise>Séminaire régional de l’Atelier des territoires</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- "Occitanie" or "Occitanie · Bourgogne-Franche-Comté". -->
  <xsl:variable name="regions">
    <xsl:for-each select="set:distinct($all-sites/a:region)">
      <xsl:if test="position() &gt; 1"> · </xsl:if>
      <xsl:apply-templates select="." mode="plain"/>
    </xsl:for-each>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Dossier du séminaire final'"/>
      <xsl:with-param name="subject" select="concat('Dossier du séminaire final — ', $regions)"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, séminaire final, synthèse, feuilles de route'"/>
      <xsl:with-param name="title" select="$dossier-title"/>
      <xsl:with-param name="site-name" select="$regions"/>
      <xsl:with-param name="service">
        <xsl:for-each select="set:distinct($ateliers/a:pilotage/a:service[1]/@nom)">
          <xsl:if test="position() &gt; 1"> · </xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="glossary-pool" select="$ateliers/a:glossaire/a:entree"/>
      <xsl:with-param name="colophon"><xsl:call-template name="dossier-colophon"/></xsl:with-param>
      <xsl:with-param name="cover"><xsl:call-template name="dossier-cover-info"/></xsl:with-param>
      <xsl:with-param name="body">
        <xsl:call-template name="dossier-seminar"/>
        <xsl:call-template name="dossier-synthesis"/>
        <xsl:for-each select="$all-sites">
          <xsl:call-template name="dossier-site"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ pass 1 -->
  <!-- "9 décembre 2025 — Montpellier, Maison régionale de l’environnement" -->
  <xsl:template match="a:seminaire-final" mode="when-where">
    <xsl:value-of select="lv:date(@date)"/>
    <xsl:if test="@lieu"><xsl:value-of select="concat(' — ', lv:typo(normalize-space(@lieu)))"/></xsl:if>
  </xsl:template>

  <!-- What the cover shows besides the title: read back in pass 2 (mode cover-middle). -->
  <xsl:template name="dossier-cover-info">
    <d:cover-info>
      <xsl:if test="$seminar">
        <d:when-where><xsl:apply-templates select="$seminar" mode="when-where"/></d:when-where>
      </xsl:if>
      <xsl:for-each select="$ateliers">
        <d:atelier>
          <xsl:attribute name="title"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:attribute>
          <xsl:attribute name="kind">
            <xsl:value-of select="concat(t:label('format', @format), ' ', @annee)"/>
          </xsl:attribute>
          <xsl:attribute name="sites">
            <xsl:for-each select="a:site">
              <xsl:if test="position() &gt; 1"> · </xsl:if>
              <xsl:apply-templates select="a:nom" mode="plain"/>
            </xsl:for-each>
          </xsl:attribute>
        </d:atelier>
      </xsl:for-each>
    </d:cover-info>
  </xsl:template>

  <!-- 1. The seminar: when and where, presentation, programme of each atelier. -->
  <xsl:template name="dossier-seminar">
    <d:section title="Le séminaire" id="dossier-seminaire">
      <d:box>
        <xsl:choose>
          <xsl:when test="$seminar">
            <d:p><d:strong><xsl:apply-templates select="$seminar" mode="when-where"/></d:strong></d:p>
          </xsl:when>
          <xsl:otherwise><d:p>Date et lieu du séminaire à préciser.</d:p></xsl:otherwise>
        </xsl:choose>
        <d:p>
          <xsl:value-of select="concat('Ce dossier réunit ', count($all-sites),
              t:plural(count($all-sites), ' site', ' sites'), ' de ', count($ateliers),
              t:plural(count($ateliers), ' atelier', ' ateliers'), ' des territoires : ')"/>
          <xsl:for-each select="$ateliers">
            <xsl:if test="position() &gt; 1">
              <xsl:choose>
                <xsl:when test="position() = last()"> et </xsl:when>
                <xsl:otherwise>, </xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <d:em><xsl:apply-templates select="a:titre" mode="inline"/></d:em>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </d:p>
      </d:box>
      <xsl:for-each select="$seminars">
        <xsl:choose>
          <xsl:when test="count($seminars) &gt; 1">
            <d:section>
              <xsl:attribute name="title"><xsl:apply-templates select="../a:titre" mode="plain"/></xsl:attribute>
              <xsl:apply-templates select="." mode="dossier-programme"/>
            </d:section>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="." mode="dossier-programme"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="$ateliers[not(a:seminaire-final)]">
        <d:p>
          <xsl:text>Sans programme propre au séminaire : </xsl:text>
          <xsl:call-template name="comma-list">
            <xsl:with-param name="nodes" select="$ateliers[not(a:seminaire-final)]/a:titre"/>
          </xsl:call-template>
          <xsl:text>.</xsl:text>
        </d:p>
      </xsl:if>
    </d:section>
  </xsl:template>

  <xsl:template match="a:seminaire-final" mode="dossier-programme">
    <xsl:if test="count($seminars) &gt; 1">
      <d:p><d:strong><xsl:apply-templates select="." mode="when-where"/></d:strong></d:p>
    </xsl:if>
    <xsl:if test="a:titre and count($seminars) &gt; 1">
      <d:p><d:em><xsl:apply-templates select="a:titre" mode="inline"/></d:em></d:p>
    </xsl:if>
    <xsl:apply-templates select="a:presentation" mode="prose"/>
    <d:label>Programme</d:label>
    <xsl:call-template name="agenda-table">
      <xsl:with-param name="points" select="a:programme/a:point"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 2. The comparative synthesis over every site of every atelier. -->
  <xsl:template name="dossier-synthesis">
    <xsl:variable name="acts" select="$all-sites/a:strategie/a:axe/a:objectif/a:action"/>
    <d:section title="Synthèse comparative des sites" short="Synthèse comparative" id="dossier-synthese">
      <d:p>
        <xsl:value-of select="concat(count($all-sites), t:plural(count($all-sites), ' site a', ' sites ont'),
            ' construit leur feuille de route : ', count($acts), t:plural(count($acts), ' action', ' actions'),
            ', pour un coût estimé de ', t:amount(sum($acts/a:cout)), '.')"/>
      </d:p>
      <d:section title="Profils des territoires">
        <xsl:call-template name="compare-profiles">
          <xsl:with-param name="sites" select="$all-sites"/>
          <xsl:with-param name="by-atelier" select="$several"/>
          <xsl:with-param name="departement" select="true()"/>
        </xsl:call-template>
      </d:section>
      <d:section title="Plans d’actions">
        <xsl:call-template name="compare-plans">
          <xsl:with-param name="sites" select="$all-sites"/>
          <xsl:with-param name="by-atelier" select="$several"/>
        </xsl:call-template>
        <xsl:call-template name="compare-budget-chart">
          <xsl:with-param name="sites" select="$all-sites"/>
        </xsl:call-template>
      </d:section>
      <d:section title="Axes stratégiques">
        <xsl:call-template name="compare-axes">
          <xsl:with-param name="sites" select="$all-sites"/>
          <xsl:with-param name="by-atelier" select="$several"/>
        </xsl:call-template>
      </d:section>
    </d:section>
  </xsl:template>

  <!-- 3. One part per site: who, then the feuille de route's chapters. -->
  <xsl:template name="dossier-site">
    <d:section id="site-{@id}">
      <xsl:attribute name="title"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:attribute>
      <d:box>
        <d:p>
          <d:strong><xsl:apply-templates select="../a:titre" mode="inline"/></d:strong>
          <xsl:value-of select="concat(' — ', t:label('format', ../@format), ' ', ../@annee)"/>
        </d:p>
        <d:p>
          <xsl:value-of select="t:label('nature', @nature)"/>
          <xsl:text> · </xsl:text>
          <xsl:apply-templates select="." mode="departements"/>
          <xsl:if test="a:population">
            <xsl:value-of select="concat(' · ', lv:number(number(a:population)), '&#160;habitants')"/>
          </xsl:if>
          <xsl:if test="a:superficie">
            <xsl:text> · </xsl:text><xsl:apply-templates select="a:superficie" mode="area"/>
          </xsl:if>
        </d:p>
        <d:p>
          <xsl:text>Atelier piloté par </xsl:text>
          <xsl:value-of select="t:service(../a:pilotage/a:service[1])"/>
          <xsl:text>.</xsl:text>
        </d:p>
      </d:box>
      <xsl:call-template name="fdr-body"><xsl:with-param name="s" select="."/></xsl:call-template>
    </d:section>
  </xsl:template>

  <xsl:template name="dossier-colophon">
    <d:colophon>
      <d:p><xsl:value-of select="concat('Dossier du séminaire final — ', $dossier-title, '.')"/></d:p>
      <xsl:for-each select="$ateliers">
        <d:p>
          <xsl:apply-templates select="a:titre" mode="plain"/>
          <xsl:value-of select="concat(' : atelier piloté par ',
              t:service(a:pilotage/a:service[1]), ', version ')"/>
          <xsl:choose>
            <xsl:when test="@version"><xsl:value-of select="@version"/></xsl:when>
            <xsl:otherwise>1.0</xsl:otherwise>
          </xsl:choose>
          <xsl:text>.</xsl:text>
        </d:p>
      </xsl:for-each>
      <d:p><xsl:value-of select="concat('Produit le ', lv:date($build-date), ' avec Livrables, à partir des descriptions XML des ateliers.')"/></d:p>
    </d:colophon>
  </xsl:template>

  <!-- ============================================================ pass 2 -->
  <!-- Cover: the seminar, its date and place, the region(s), the ateliers shown. -->
  <xsl:template match="d:document" mode="cover-middle">
    <xsl:variable name="info" select="d:cover-info"/>
    <fo:block-container height="{$cover-middle-height}">
      <fo:block border-start-style="solid" border-start-width="3pt"
          border-start-color="{$color-accent}" padding-start="6mm"
          start-indent="{$margin-inner}" end-indent="{$margin-outer}">
        <fo:block xsl:use-attribute-sets="cover-deliverable">
          <xsl:value-of select="@deliverable"/>
        </fo:block>
        <fo:block xsl:use-attribute-sets="cover-title"><xsl:value-of select="@title"/></fo:block>
        <fo:block xsl:use-attribute-sets="cover-site">
          <xsl:text>Séminaire régional</xsl:text>
          <xsl:if test="@site != ''"><xsl:value-of select="concat(' — ', @site)"/></xsl:if>
        </fo:block>
        <xsl:if test="$info/d:when-where">
          <fo:block xsl:use-attribute-sets="cover-site" font-weight="bold" color="{$color-primary}">
            <xsl:value-of select="$info/d:when-where"/>
          </fo:block>
        </xsl:if>
      </fo:block>
      <fo:block start-indent="{$margin-inner}" end-indent="{$margin-outer}" space-before="14mm">
        <fo:block xsl:use-attribute-sets="cover-kicker" color="{$color-primary}" font-size="9pt"
            space-after="3mm">
          <xsl:choose>
            <xsl:when test="count($info/d:atelier) &gt; 1">Ateliers présentés</xsl:when>
            <xsl:otherwise>Atelier présenté</xsl:otherwise>
          </xsl:choose>
        </fo:block>
        <xsl:for-each select="$info/d:atelier">
          <fo:block space-after="3mm" keep-together.within-page="always"
              padding-before="2.5mm" border-before-style="solid" border-before-width="0.5pt"
              border-before-color="{$color-rule}">
            <fo:block font-size="11pt" font-weight="bold"><xsl:value-of select="@title"/></fo:block>
            <fo:block xsl:use-attribute-sets="cover-meta">
              <xsl:value-of select="@kind"/><xsl:text> — </xsl:text><xsl:value-of select="@sites"/>
            </fo:block>
          </fo:block>
        </xsl:for-each>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- Header: the dossier and its seminar on the left (the title is long), chapter right. -->
  <xsl:template match="d:document" mode="running-header">
    <fo:block xsl:use-attribute-sets="running-header" text-align="start" text-align-last="justify">
      <fo:inline>
        <xsl:value-of select="@deliverable"/>
        <xsl:if test="d:cover-info/d:when-where">
          <xsl:text> · </xsl:text><xsl:value-of select="substring-before(concat(d:cover-info/d:when-where, ' — '), ' — ')"/>
        </xsl:if>
      </fo:inline>
      <fo:leader leader-pattern="space"/>
      <fo:inline>
        <fo:retrieve-marker retrieve-class-name="chapter"
            retrieve-position="first-including-carryover" retrieve-boundary="page-sequence"/>
      </fo:inline>
    </fo:block>
  </xsl:template>

  <!-- Footer: the region(s) rather than the deliverable name, already in the header. -->
  <xsl:template match="d:document" mode="running-footer">
    <fo:block xsl:use-attribute-sets="running-footer" text-align="start" text-align-last="justify">
      <fo:inline>
        <xsl:text>Atelier des territoires</xsl:text>
        <xsl:if test="@site != ''"><xsl:value-of select="concat(' — ', @site)"/></xsl:if>
      </fo:inline>
      <fo:leader leader-pattern="space"/>
      <fo:inline>
        <xsl:text>Page </xsl:text><fo:page-number/>
        <xsl:text> / </xsl:text><fo:page-number-citation-last ref-id="{$last-block-id}"/>
      </fo:inline>
    </fo:block>
  </xsl:template>

  <!-- The cover information is not part of the flow. -->
  <xsl:template match="d:cover-info" mode="fo"/>

</xsl:stylesheet>
