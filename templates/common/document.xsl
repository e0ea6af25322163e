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
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="a d lv exsl">

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
  <xsl:include href="compare.xsl"/>

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
    $subject, $keywords: PDF metadata.
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
    <xsl:param name="colophon"><xsl:call-template name="colophon-section"/></xsl:param>
    <xsl:param name="cover"/>
    <xsl:variable name="body-nodes" select="exsl:node-set($body)"/>
    <xsl:variable name="tree">
      <d:document deliverable="{$deliverable}" subject="{$subject}" keywords="{$keywords}"
                  draft="{boolean($draft)}" date="{lv:date($build-date)}"
                  version="{$doc-version}" build-date="{$build-date}"
                  title="{$title}" site="{$site-name}" service="{lv:typo(string($service))}"
                  creator="{$service}">
        <xsl:copy-of select="exsl:node-set($cover)/node()"/>
        <xsl:copy-of select="$body-nodes/node()"/>
        <xsl:call-template name="glossary-section">
          <xsl:with-param name="used" select="$body-nodes"/>
          <xsl:with-param name="pool" select="$glossary-pool"/>
        </xsl:call-template>
        <xsl:copy-of select="exsl:node-set($colophon)/node()"/>
      </d:document>
    </xsl:variable>
    <xsl:apply-templates select="exsl:node-set($tree)/d:document" mode="fo"/>
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
