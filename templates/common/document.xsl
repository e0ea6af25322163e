<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame every deliverable shares.

  A deliverable stylesheet works in two passes:
   1. it turns the atelier source into a small intermediate "document" vocabulary
      (namespace urn:livrables:doc, prefix d): d:section with a title, prose (d:p, d:em...),
      d:table, d:list, d:fiche and chart descriptions (d:gantt, d:phasing, d:bars);
   2. the call to the named template "document" below wraps that body, adds the glossary and
      the colophon, and renders the whole tree to XSL-FO in mode "fo" (modules in this folder).
  Numbering, table of contents, bookmarks, running headers and the glossary are therefore
  computed once, from one tree, for every deliverable.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:exsl="http://exslt.org/common"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="a d lv t exsl set">

  <xsl:import href="../../styles/base.xsl"/>

  <xsl:include href="fo-pages.xsl"/>
  <xsl:include href="metadata.xsl"/>
  <xsl:include href="cover.xsl"/>
  <xsl:include href="toc.xsl"/>
  <xsl:include href="headings.xsl"/>
  <xsl:include href="inline.xsl"/>
  <xsl:include href="tables.xsl"/>
  <xsl:include href="charts.xsl"/>
  <xsl:include href="glossary.xsl"/>
  <xsl:include href="colophon.xsl"/>
  <xsl:include href="source.xsl"/>
  <xsl:include href="plan.xsl"/>
  <xsl:include href="financing.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="compare.xsl"/>
  <xsl:include href="versions.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <!-- No xsl:strip-space: source prose is mixed content, and the space between two inline
       elements ("<em>x</em> <strong>y</strong>") matters. -->

  <!-- Parameters passed by the C side (see the contract). -->
  <xsl:param name="site" select="''"/>
  <xsl:param name="version" select="''"/>
  <xsl:param name="build-date" select="'1970-01-01'"/>
  <xsl:param name="bloc-marque" select="''"/>
  <xsl:param name="assets-dir" select="''"/>

  <!-- The source's root element and, for per-site deliverables, the site. -->
  <xsl:variable name="atelier" select="/a:atelier"/>
  <xsl:variable name="the-site" select="$atelier/a:site[@id = $site]"/>
  <xsl:variable name="doc-version">
    <xsl:choose>
      <xsl:when test="string($version) != ''"><xsl:value-of select="$version"/></xsl:when>
      <xsl:when test="$atelier/@version"><xsl:value-of select="$atelier/@version"/></xsl:when>
      <xsl:otherwise>1.0</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!--
    Renders a deliverable. $body is a result tree fragment of d:section elements.
    $deliverable: the deliverable's French name ("Feuille de route");
    $draft: true() for working documents ("Document de travail" on the cover and pages);
    $subject, $keywords: PDF metadata;
    $kind: the deliverable's type as <livrable type> names it ("feuille-de-route"), which
    chooses its date and version (common/dates.xsl); $date (ISO) and $doc-ver default to them.
    The other parameters default to the atelier and site being built; the seminar dossier,
    which spans several ateliers, gives its own:
    $title, $site-name, $service (cover, running header, metadata);
    $glossary-pool: the a:entree elements the glossary may draw from;
    $colophon: the d:colophon element;
    $cover: extra d:* children for the cover (read by a deliverable's own cover templates).
  -->
  <xsl:template name="document">
    <xsl:param name="deliverable"/>
    <xsl:param name="body"/>
    <xsl:param name="draft" select="false()"/>
    <xsl:param name="subject" select="$deliverable"/>
    <xsl:param name="keywords" select="''"/>
    <xsl:param name="title"><xsl:apply-templates select="$atelier/a:titre" mode="plain"/></xsl:param>
    <xsl:param name="site-name"><xsl:apply-templates select="$the-site/a:nom" mode="plain"/></xsl:param>
    <xsl:param name="service" select="normalize-space($atelier/a:pilotage/a:service[1]/@nom)"/>
    <xsl:param name="glossary-pool" select="$atelier/a:glossaire/a:entree"/>
    <xsl:param name="kind" select="''"/>
    <xsl:param name="date" select="t:deliverable-date($kind, $atelier, $the-site)"/>
    <xsl:param name="doc-ver" select="t:deliverable-version($kind, $atelier, $the-site, $doc-version)"/>
    <xsl:param name="colophon">
      <xsl:call-template name="colophon-section">
        <xsl:with-param name="date" select="$date"/>
        <xsl:with-param name="version" select="$doc-ver"/>
        <xsl:with-param name="deliverable" select="$deliverable"/>
      </xsl:call-template>
    </xsl:param>
    <xsl:param name="cover"/>
    <!-- The cover's bloc-marque: the build option's image, else the source's. -->
    <xsl:param name="cover-image">
      <xsl:call-template name="bloc-marque-src">
        <xsl:with-param name="ateliers" select="$atelier | /a:dossier/a:atelier[1]"/>
      </xsl:call-template>
    </xsl:param>
    <!-- The site's local authorities for the cover (source.xsl), but for the site itself,
         whose name the cover already gives. -->
    <xsl:param name="collectivites">
      <xsl:variable name="all-rtf"><xsl:apply-templates select="$the-site" mode="collectivites"/></xsl:variable>
      <xsl:variable name="own-name" select="lv:typo(normalize-space($the-site/a:nom))"/>
      <xsl:for-each select="exsl:node-set($all-rtf)/t:c[. != $own-name]">
        <xsl:if test="position() &gt; 1"> · </xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
    </xsl:param>
    <!-- The cover's steering services: the atelier's first, then the site's own DDT(M)
         (a co-steering service of the site's département). -->
    <xsl:param name="steering">
      <xsl:value-of select="$service"/>
      <xsl:for-each select="$atelier/a:pilotage/a:service[position() &gt; 1]
                            [@departement = $the-site/a:departement/@code]">
        <xsl:value-of select="concat(' · ', normalize-space(@nom))"/>
      </xsl:for-each>
    </xsl:param>
    <xsl:variable name="body-nodes" select="exsl:node-set($body)"/>
    <xsl:variable name="versions">
      <xsl:call-template name="version-history">
        <xsl:with-param name="kind" select="$kind"/>
        <xsl:with-param name="site" select="$the-site"/>
        <xsl:with-param name="ateliers" select="$atelier | /a:dossier/a:atelier"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- What the pages print besides the body: the cover, running header and footer, the
         history of versions and the colophon. Their acronyms are the glossary's too (« DDT
         du Gers » on the cover, « piloté par la DREAL Occitanie » in the colophon). -->
    <xsl:variable name="around">
      <d:p><xsl:value-of select="$deliverable"/></d:p>
      <d:p><xsl:value-of select="$title"/></d:p>
      <d:p><xsl:value-of select="$site-name"/></d:p>
      <d:p><xsl:value-of select="$service"/></d:p>
      <d:p><xsl:value-of select="$steering"/></d:p>
      <d:p><xsl:value-of select="$collectivites"/></d:p>
      <d:p><xsl:value-of select="$atelier/a:sous-titre"/></d:p>
      <xsl:copy-of select="exsl:node-set($cover)/node()"/>
      <xsl:copy-of select="$versions"/>
      <xsl:copy-of select="$colophon"/>
    </xsl:variable>
    <xsl:variable name="tree">
      <d:document deliverable="{$deliverable}" subject="{$subject}" keywords="{$keywords}"
                  draft="{boolean($draft)}" date="{lv:date($date)}" iso-date="{$date}"
                  version="{$doc-ver}" build-date="{$build-date}"
                  title="{$title}" site="{$site-name}" service="{lv:typo(string($service))}"
                  collectivites="{$collectivites}" bloc-marque="{$cover-image}"
                  subtitle="{lv:typo(normalize-space($atelier/a:sous-titre))}"
                  steering="{lv:typo(string($steering))}"
                  creator="{$service}"
                  example="{boolean(($atelier | /a:dossier/a:atelier)[@exemple = 'oui'])}">
        <xsl:copy-of select="exsl:node-set($cover)/node()"/>
        <xsl:copy-of select="$versions"/>
        <xsl:copy-of select="$body-nodes/node()"/>
        <xsl:call-template name="glossary-section">
          <xsl:with-param name="used" select="$body-nodes | exsl:node-set($around)"/>
          <xsl:with-param name="pool" select="$glossary-pool"/>
        </xsl:call-template>
        <xsl:copy-of select="exsl:node-set($colophon)/node()"/>
      </d:document>
    </xsl:variable>
    <xsl:apply-templates select="exsl:node-set($tree)/d:document" mode="fo"/>
  </xsl:template>

  <!-- The path of the bloc-marque image: the build option's, else the first of $ateliers'
       <pilotage><bloc-marque src>, resolved against its atelier's directory (the dossier's
       ateliers carry it as xml:base), else nothing. -->
  <xsl:template name="bloc-marque-src">
    <xsl:param name="ateliers"/>
    <xsl:variable name="given" select="($ateliers/a:pilotage/a:bloc-marque/@src)[1]"/>
    <xsl:choose>
      <xsl:when test="string($bloc-marque) != ''"><xsl:value-of select="$bloc-marque"/></xsl:when>
      <xsl:when test="not($given)"/>
      <xsl:when test="starts-with($given, '/')"><xsl:value-of select="$given"/></xsl:when>
      <xsl:when test="$given/ancestor::a:atelier/@xml:base">
        <xsl:value-of select="concat($given/ancestor::a:atelier/@xml:base, $given)"/>
      </xsl:when>
      <xsl:when test="string($assets-dir) != ''"><xsl:value-of select="concat($assets-dir, '/', $given)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$given"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Pass 2 entry: the whole FO document. -->
  <xsl:template match="d:document" mode="fo">
    <fo:root xsl:use-attribute-sets="body">
      <xsl:call-template name="layout-master-set"/>
      <xsl:apply-templates select="." mode="metadata"/>
      <xsl:apply-templates select="." mode="bookmarks"/>
      <xsl:apply-templates select="." mode="cover"/>
      <xsl:apply-templates select="." mode="main-sequence"/>
    </fo:root>
  </xsl:template>

  <!-- Default for pass 2: FO and SVG already in the tree are copied as they are. -->
  <xsl:template match="*" mode="fo">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="fo"/>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
