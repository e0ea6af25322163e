<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dossier of the regional final seminar, over several ateliers (issue 4).

  Input (built in memory by `livrables dossier`):
    <dossier xmlns="urn:livrables:atelier:1">
      <atelier xml:base="/abs/dir/">…validated source, XIncludes resolved…</atelier>…
    </dossier>
  $site is empty. The command has checked that the ateliers hold one seminaire-final and
  that every site is on its programme, and put the ateliers in programme order. One
  document: a cover for the seminar, its programme, a synthesis comparing the sites, then
  each site's feuille de route (the chapters of feuille-de-route.xsl, called per site), with
  one table of contents, continuous page numbers and one bookmark per site.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:set="http://exslt.org/sets"
    xmlns:exsl="http://exslt.org/common"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="a d lv t set exsl func">

  <xsl:import href="feuille-de-route.xsl"/>

  <xsl:variable name="ateliers" select="/a:dossier/a:atelier"/>
  <xsl:variable name="all-sites" select="$ateliers/a:site"/>
  <!-- The one seminar the dossier is about (the command checked there is one). -->
  <xsl:variable name="seminar" select="$ateliers/a:seminaire-final[1]"/>
  <xsl:variable name="several" select="count($ateliers) &gt; 1"/>

  <xsl:variable name="region-nodes" select="set:distinct($all-sites/a:region)"/>
  <xsl:variable name="nsites" select="count($all-sites)"/>

  <!-- The seminar's own title; without one, a title that counts the sites on its
       programme ("Trois territoires, trois feuilles de route"). -->
  <xsl:variable name="dossier-title">
    <xsl:choose>
      <xsl:when test="$seminar/a:titre">
        <xsl:apply-templates select="$seminar/a:titre" mode="plain"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(t:capitalize(t:words($nsites)),
            t:plural($nsites, ' territoire, ', ' territoires, '), t:words($nsites, true()),
            t:plural($nsites, ' feuille de route', ' feuilles de route'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- "trois sites en Occitanie"; "quatre sites de deux ateliers des territoires dans deux
       régions" -->
  <xsl:variable name="dossier-counts">
    <xsl:value-of select="concat(t:words($nsites), t:plural($nsites, ' site', ' sites'))"/>
    <xsl:if test="$several">
      <xsl:value-of select="concat(' de ', t:words(count($ateliers)), ' ateliers des territoires')"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="count($region-nodes) = 1">
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="$region-nodes" mode="in-region"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(' dans ', t:words(count($region-nodes), true()), ' régions')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The service that organises the seminar: its organisateur, else its atelier's DREAL,
       else that atelier's first steering service. -->
  <xsl:variable name="organiser">
    <xsl:variable name="services" select="$seminar/../a:pilotage/a:service"/>
    <xsl:variable name="dreal" select="$services[@type = 'DREAL' or @type = 'DEAL' or @type = 'DRIEAT']"/>
    <xsl:choose>
      <xsl:when test="$seminar/@organisateur">
        <xsl:value-of select="lv:typo(normalize-space($seminar/@organisateur))"/>
      </xsl:when>
      <xsl:when test="$dreal"><xsl:value-of select="lv:typo(normalize-space($dreal[1]/@nom))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="lv:typo(normalize-space($services[1]/@nom))"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- "DREAL Occitanie · DDT de l’Aveyron · DDT de l’Hérault · DDT du Gers": the organiser,
       then every atelier's DDT. -->
  <xsl:variable name="pilots">
    <xsl:value-of select="$organiser"/>
    <xsl:for-each select="set:distinct($ateliers/a:pilotage/a:service[@type = 'DDT' or @type = 'DDTM']/@nom)">
      <xsl:if test="lv:typo(normalize-space(.)) != $organiser">
        <xsl:value-of select="concat(' · ', lv:typo(normalize-space(.)))"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>

  <!-- "Occitanie" or "Occitanie · Bourgogne-Franche-Comté". -->
  <xsl:variable name="regions">
    <xsl:for-each select="$region-nodes">
      <xsl:if test="position() &gt; 1"> · </xsl:if>
      <xsl:apply-templates select="." mode="plain"/>
    </xsl:for-each>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Dossier du séminaire final'"/>
      <xsl:with-param name="kind" select="'dossier'"/>
      <xsl:with-param name="date" select="t:deliverable-date('dossier', $ateliers, /..)"/>
      <xsl:with-param name="doc-ver" select="t:deliverable-version('dossier', $ateliers, /.., $doc-version)"/>
      <xsl:with-param name="subject" select="concat('Dossier du séminaire final — ', $regions)"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, séminaire final, synthèse, feuilles de route'"/>
      <xsl:with-param name="title" select="$dossier-title"/>
      <xsl:with-param name="site-name" select="$regions"/>
      <xsl:with-param name="service" select="$pilots"/>
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
  <!-- "en Occitanie", "dans les Hauts-de-France", "à La Réunion" -->
  <xsl:template match="a:region" mode="in-region">
    <xsl:variable name="name" select="lv:typo(normalize-space(.))"/>
    <xsl:choose>
      <xsl:when test="starts-with($name, 'Hauts-')"><xsl:value-of select="concat('dans les ', $name)"/></xsl:when>
      <xsl:when test="starts-with($name, 'La ') or $name = 'Mayotte'"><xsl:value-of select="concat('à ', $name)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('en ', $name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "la DREAL Occitanie" -->
  <xsl:template name="organiser-with-article">
    <xsl:choose>
      <xsl:when test="starts-with($organiser, 'la ') or starts-with($organiser, 'le ') or starts-with($organiser, 'l’')">
        <xsl:value-of select="$organiser"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('la ', $organiser)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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
        <d:when><xsl:value-of select="lv:date($seminar/@date)"/></d:when>
        <d:where><xsl:value-of select="lv:typo(normalize-space($seminar/@lieu))"/></d:where>
      </xsl:if>
      <!-- "Deux ateliers, deux sites": the regions are in the line above -->
      <d:counts>
        <xsl:value-of select="concat(t:capitalize(t:words(count($ateliers))), t:plural(count($ateliers), ' atelier, ', ' ateliers, '),
            t:words($nsites), t:plural($nsites, ' site', ' sites'))"/>
      </d:counts>
      <!-- Each atelier: its title, its subtitle, then its sites when its title does not name
           them, and its DDT. -->
      <xsl:for-each select="$ateliers">
        <xsl:variable name="title" select="normalize-space(a:titre)"/>
        <d:atelier>
          <xsl:attribute name="title"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:attribute>
          <xsl:attribute name="subtitle">
            <xsl:if test="a:sous-titre"><xsl:apply-templates select="a:sous-titre" mode="plain"/></xsl:if>
          </xsl:attribute>
          <xsl:attribute name="meta">
            <xsl:for-each select="a:site[not(contains($title, normalize-space(a:nom)))]">
              <xsl:if test="position() &gt; 1"> · </xsl:if>
              <xsl:apply-templates select="a:nom" mode="plain"/>
            </xsl:for-each>
            <xsl:variable name="ddt" select="a:pilotage/a:service[@type = 'DDT' or @type = 'DDTM']"/>
            <xsl:if test="$ddt and a:site[not(contains($title, normalize-space(a:nom)))]"> — </xsl:if>
            <xsl:for-each select="$ddt">
              <xsl:if test="position() &gt; 1"> · </xsl:if>
              <xsl:value-of select="lv:typo(normalize-space(@nom))"/>
            </xsl:for-each>
          </xsl:attribute>
        </d:atelier>
      </xsl:for-each>
    </d:cover-info>
  </xsl:template>

  <!-- True when each atelier holds one site and is named after it ("Atelier flash de
       Vernay-sur-Loue"): the ateliers are then the natural subject, their sites need no
       second mention. -->
  <xsl:variable name="ateliers-name-sites"
      select="count($ateliers) = $nsites and not($ateliers[not(contains(normalize-space(a:titre), normalize-space(a:site/a:nom)))])"/>

  <!-- Who the seminar compares, for "… compare les feuilles de route ": "de deux ateliers :
       l’atelier flash de Vernay-sur-Loue (Doubs) et l’atelier flash de Cerneux-les-Forges
       (Jura)", or "de trois sites en Occitanie : la communauté de communes des Vallées de
       l’Auzonne (Aveyron), … et la commune de Castelvert-sur-Arrats (Gers)". -->
  <xsl:template name="dossier-who">
    <xsl:choose>
      <xsl:when test="$ateliers-name-sites and $several">
        <xsl:value-of select="concat('de ', t:words(count($ateliers)), ' ateliers : ')"/>
      </xsl:when>
      <xsl:when test="$nsites = 1">de </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('de ', $dossier-counts, ' : ')"/></xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$all-sites">
      <xsl:if test="position() &gt; 1">
        <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
      </xsl:if>
      <xsl:variable name="name"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="$ateliers-name-sites and $several">
          <xsl:variable name="title"><xsl:apply-templates select="../a:titre" mode="plain"/></xsl:variable>
          <xsl:value-of select="t:with-article($title)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="t:with-article($name, @nature)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text> (</xsl:text>
      <xsl:for-each select="a:departement">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="lv:typo(normalize-space(.))"/>
      </xsl:for-each>
      <!-- sites of several ateliers that don't carry their names: say whose they are -->
      <xsl:if test="$several and not($ateliers-name-sites)">
        <xsl:text>, </xsl:text><d:em><xsl:apply-templates select="../a:titre" mode="inline"/></d:em>
      </xsl:if>
      <xsl:text>)</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- 1. The seminar: when, where and by whom; the sites it presents; its presentation and
       programme. -->
  <xsl:template name="dossier-seminar">
    <d:section title="Le séminaire" id="dossier-seminaire">
      <d:box>
        <xsl:if test="$seminar">
          <d:p><d:strong><xsl:apply-templates select="$seminar" mode="when-where"/></d:strong></d:p>
        </xsl:if>
        <d:p>
          <xsl:choose>
            <xsl:when test="$seminar">
              <xsl:text>Organisé par </xsl:text>
              <xsl:call-template name="organiser-with-article"/>
              <xsl:text>, le séminaire compare les feuilles de route </xsl:text>
            </xsl:when>
            <xsl:otherwise>Ce dossier réunit les feuilles de route </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="dossier-who"/>
          <xsl:text>.</xsl:text>
        </d:p>
      </d:box>
      <xsl:if test="$seminar">
        <xsl:apply-templates select="$seminar/a:presentation" mode="prose"/>
        <d:label>Programme</d:label>
        <xsl:call-template name="agenda-table">
          <xsl:with-param name="points" select="$seminar/a:programme/a:point"/>
        </xsl:call-template>
      </xsl:if>
    </d:section>
  </xsl:template>

  <!-- 2. The comparative synthesis over every site of every atelier. -->
  <xsl:template name="dossier-synthesis">
    <xsl:variable name="acts" select="$all-sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
    <d:section title="Synthèse comparative des sites" short="Synthèse comparative" id="dossier-synthese">
      <xsl:call-template name="dossier-synthesis-text"/>
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
      <d:section title="Financement des plans d’actions">
        <xsl:call-template name="fin-by-site"><xsl:with-param name="sites" select="$all-sites"/></xsl:call-template>
      </d:section>
      <d:section title="Axes stratégiques">
        <xsl:call-template name="compare-axes">
          <xsl:with-param name="sites" select="$all-sites"/>
          <xsl:with-param name="by-atelier" select="$several"/>
        </xsl:call-template>
      </d:section>
      <xsl:call-template name="dossier-lessons"/>
    </d:section>
  </xsl:template>

  <!-- The synthesis in words, every figure computed from the sources: the plans' sizes and
       costs (with the actions whose cost is still to define), how the sites compare, the
       priorities and horizons, the stakes the sites share. Counts in words, as running text
       writes them; no superlative between two sites. -->
  <xsl:template name="dossier-synthesis-text">
    <!-- Only the actions still to carry out: realised and abandoned ones are listed apart. -->
    <xsl:variable name="acts" select="$all-sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
    <xsl:variable name="n" select="count($acts)"/>
    <xsl:variable name="nocost" select="count($acts[not(a:cout)])"/>
    <xsl:variable name="total" select="sum($acts/a:cout)"/>
    <xsl:variable name="p1" select="count($acts[@priorite = 1])"/>
    <xsl:variable name="court" select="count($acts[@horizon = 'court'])"/>
    <d:p>
      <xsl:choose>
        <xsl:when test="$nsites = 1">Le site a construit sa feuille de route : </xsl:when>
        <xsl:when test="$nsites = 2">Les deux sites ont construit leur feuille de route : </xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('Les ', t:words($nsites), ' sites ont construit leur feuille de route : ')"/></xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="concat(t:words($n, true()), t:plural($n, ' action', ' actions'),
          ' au total, pour un coût estimé de ', t:amount($total))"/>
      <!-- the actions left out of every count and total (presented with their site), said
           where the first count is given -->
      <xsl:variable name="all-acts" select="$all-sites/a:strategie/a:axe/a:objectif/a:action"/>
      <xsl:variable name="done" select="count($all-acts[@statut = 'realisee'])"/>
      <xsl:variable name="dropped" select="count($all-acts[@statut = 'abandonnee'])"/>
      <xsl:if test="$done + $dropped &gt; 0">
        <xsl:text>, hors </xsl:text>
        <xsl:if test="$done &gt; 0">
          <xsl:value-of select="concat(t:words($done, true()), t:plural($done, ' action déjà réalisée', ' actions déjà réalisées'))"/>
        </xsl:if>
        <xsl:if test="$done &gt; 0 and $dropped &gt; 0"> et </xsl:if>
        <xsl:if test="$dropped &gt; 0">
          <xsl:value-of select="concat(t:words($dropped, true()), t:plural($dropped, ' action abandonnée', ' actions abandonnées'))"/>
        </xsl:if>
      </xsl:if>
      <!-- the total leaves out the actions without a cost: say so where it is given -->
      <xsl:if test="$nocost &gt; 0">
        <xsl:value-of select="concat(' ; ', t:plural($nocost, 'une action, dont le coût reste à définir, n’y est pas comptée',
            concat(t:words($nocost, true()), ' actions, dont le coût reste à définir, n’y sont pas comptées')))"/>
      </xsl:if>
      <xsl:text>.</xsl:text>
      <xsl:call-template name="dossier-compare-costs"/>
    </d:p>
    <xsl:if test="$acts">
      <!-- one way for the counts of one sentence: in words, or all in figures when one is
           beyond twenty (no « vingt … 31 ») -->
      <xsl:variable name="figures" select="$n &gt; 20 or $p1 &gt; 20 or $court &gt; 20"/>
      <xsl:variable name="horizons-rtf">
        <xsl:call-template name="compare-horizons"><xsl:with-param name="sites" select="$all-sites"/></xsl:call-template>
      </xsl:variable>
      <d:p>
        <xsl:value-of select="concat('Sur ces ', t:count($n, $figures), '&#160;actions, ',
            t:count($p1, $figures), ' ', t:plural($p1, 'est', 'sont'), ' de priorité 1 (', t:percent($p1, $n), ') et ')"/>
        <xsl:choose>
          <xsl:when test="$court = 0">aucune ne relève du court terme (dans les deux ans).</xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat(t:count($court, $figures), t:plural($court, ' relève ', ' relèvent '),
                t:horizon-phrase($acts[@horizon = 'court'], exsl:node-set($horizons-rtf)/t:h[@v = 'court'], $figures), '.')"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="dossier-shared-stakes"/>
      </d:p>
    </xsl:if>
  </xsl:template>

  <!-- $n in words (feminine), or in figures when $figures. -->
  <func:function name="t:count">
    <xsl:param name="n"/>
    <xsl:param name="figures"/>
    <xsl:choose>
      <xsl:when test="$figures"><func:result select="lv:number($n)"/></xsl:when>
      <xsl:otherwise><func:result select="t:words($n, true())"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- How the plans' costs compare. Two sites: which one carries most of the budget, and
       the other's figures; more: the range from the least to the most costly plan. -->
  <xsl:template name="dossier-compare-costs">
    <xsl:variable name="total" select="sum($all-sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]/a:cout)"/>
    <xsl:variable name="ranked-rtf">
      <xsl:for-each select="$all-sites">
        <xsl:sort select="sum(a:strategie/a:axe/a:objectif/a:action[t:open(.)]/a:cout)" data-type="number" order="descending"/>
        <xsl:variable name="open" select="a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
        <t:s cost="{sum($open/a:cout)}" n="{count($open)}">
          <xsl:attribute name="name"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:attribute>
        </t:s>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ranked" select="exsl:node-set($ranked-rtf)/t:s"/>
    <xsl:variable name="top" select="$ranked[1]"/>
    <xsl:variable name="low" select="$ranked[last()]"/>
    <xsl:choose>
      <xsl:when test="$nsites = 2 and $total &gt; 0 and $top/@cost &gt; $low/@cost">
        <!-- "l’essentiel" from two thirds of the budget on -->
        <xsl:variable name="most">
          <xsl:choose>
            <xsl:when test="$top/@cost * 3 &gt;= $total * 2">l’essentiel</xsl:when>
            <xsl:otherwise>la plus grande part</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- the sites' names, compound place names, are never hyphenated (inline.xsl) -->
        <xsl:call-template name="place-names">
          <xsl:with-param name="s" select="concat(' ', $top/@name, ' porte ', $most, ' de ce coût (', t:percent($top/@cost, $total), '), avec ', t:words($top/@n, true()), t:plural($top/@n, ' action', ' actions'),
            ' pour ', t:amount($top/@cost), ' ; ', t:in-text($low/@name), ' en compte ', t:words($low/@n, true()), ', pour ',
            t:amount($low/@cost), '.')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$nsites &gt; 2 and $top/@cost &gt; $low/@cost">
        <xsl:call-template name="place-names">
          <xsl:with-param name="s" select="concat(' Le coût des plans va de ', t:amount($low/@cost), ' (', t:in-text($low/@name), ', ',
            t:words($low/@n, true()), t:plural($low/@n, ' action', ' actions'), ') à ', t:amount($top/@cost),
            ' (', t:in-text($top/@name), ', ', t:words($top/@n, true()), t:plural($top/@n, ' action', ' actions'), ').')"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- (Sentence ending the priorities' paragraph.) Stakes by theme: the themes every site names ("Les trois sites partagent des enjeux
       d’agriculture et d’habitat."); with none in common, two sites' themes side by side. -->
  <xsl:template name="dossier-shared-stakes">
    <xsl:variable name="themes" select="set:distinct($all-sites/a:diagnostic/a:enjeux/a:enjeu/@theme)"/>
    <!-- (current() in a predicate would be the template's node, not each theme) -->
    <xsl:variable name="everywhere-rtf">
      <xsl:for-each select="$themes">
        <xsl:variable name="theme" select="string(.)"/>
        <xsl:if test="count($all-sites[a:diagnostic/a:enjeux/a:enjeu/@theme = $theme]) = $nsites">
          <t:theme><xsl:value-of select="$theme"/></t:theme>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="everywhere" select="exsl:node-set($everywhere-rtf)/t:theme"/>
    <xsl:if test="$nsites &gt; 1 and $themes">
      <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$everywhere">
            <xsl:value-of select="concat(t:plural($nsites - 1, 'Les deux sites', concat('Les ', t:words($nsites), ' sites')),
                ' partagent des enjeux ')"/>
            <xsl:for-each select="$everywhere">
              <xsl:if test="position() &gt; 1">
                <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
              </xsl:if>
              <xsl:value-of select="t:of(lv:typo(normalize-space(.)))"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </xsl:when>
          <xsl:when test="$nsites = 2">
            <xsl:text>Les enjeux des deux sites diffèrent : </xsl:text>
            <xsl:for-each select="$all-sites">
              <xsl:if test="position() &gt; 1"> ; </xsl:if>
              <xsl:for-each select="set:distinct(a:diagnostic/a:enjeux/a:enjeu/@theme)">
                <xsl:if test="position() &gt; 1">
                  <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
                </xsl:if>
                <xsl:value-of select="lv:typo(normalize-space(.))"/>
              </xsl:for-each>
              <xsl:text> pour </xsl:text>
              <xsl:apply-templates select="a:nom" mode="inline"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>Aucun thème d’enjeux n’est commun à tous les sites ; le tableau des profils donne ceux de chacun.</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- "d’habitat", "de foncier": a common noun after "de", elided before a vowel or h. -->
  <func:function name="t:of">
    <xsl:param name="word"/>
    <xsl:choose>
      <xsl:when test="contains('aeiouyhéèêâîôAEIOUYHÉÈÊÂÎÔ', substring($word, 1, 1))">
        <func:result select="concat('d’', $word)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="concat('de ', $word)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The lessons the ateliers drew (their capitalisation), by atelier when there are
       several. -->
  <xsl:template name="dossier-lessons">
    <xsl:variable name="with" select="$ateliers[a:capitalisation/a:enseignements/a:enseignement]"/>
    <xsl:if test="$with">
      <d:section title="Enseignements">
        <xsl:for-each select="$with">
          <xsl:if test="$several">
            <d:label><xsl:apply-templates select="a:titre" mode="inline"/></d:label>
          </xsl:if>
          <d:list>
            <xsl:for-each select="a:capitalisation/a:enseignements/a:enseignement">
              <d:item>
                <d:p keep="next"><d:strong><xsl:apply-templates select="a:titre" mode="inline"/></d:strong></d:p>
                <xsl:apply-templates select="." mode="prose"/>
              </d:item>
            </xsl:for-each>
          </d:list>
        </xsl:for-each>
      </d:section>
    </xsl:if>
  </xsl:template>

  <!-- 3. One part per site: who, then the feuille de route's chapters. -->
  <xsl:template name="dossier-site">
    <d:section id="site-{@id}" break="page">
      <xsl:attribute name="title"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:attribute>
      <d:box>
        <d:p>
          <!-- the atelier's subtitle says what it is about; its format only without one -->
          <d:strong><xsl:apply-templates select="../a:titre" mode="inline"/></d:strong>
          <xsl:text> — </xsl:text>
          <xsl:choose>
            <xsl:when test="../a:sous-titre"><xsl:apply-templates select="../a:sous-titre" mode="inline"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="t:format-year(..)"/></xsl:otherwise>
          </xsl:choose>
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
          <!-- in a multisite atelier, the DDT of each of the site's départements follows it,
               in the site's order (the PETR of the Garrigues hautes: Hérault, then Gard) -->
          <xsl:variable name="services" select="../a:pilotage/a:service[position() &gt; 1][@type = 'DDT' or @type = 'DDTM']"/>
          <xsl:variable name="codes" select="a:departement/@code"/>
          <xsl:if test="$services[@departement = $codes]">
            <xsl:text> ; site suivi par </xsl:text>
            <xsl:for-each select="a:departement[@code = $services/@departement]">
              <xsl:if test="position() &gt; 1">
                <xsl:value-of select="t:plural(last() - position(), ' et ', ', ')"/>
              </xsl:if>
              <xsl:value-of select="t:service($services[@departement = current()/@code][1])"/>
            </xsl:for-each>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </d:p>
        <!-- The dossier reprints the feuille de route as it was: its actions' statuts are
             those of its date, months before the seminar, and the reader is told so. -->
        <d:p>
          <xsl:value-of select="concat('Plan d’actions et statuts des actions : état au ',
              lv:date(t:deliverable-date('feuille-de-route', .., .)), ', date de la feuille de route.')"/>
        </d:p>
      </d:box>
      <!-- the site located before its plan: a seminar's readers may not know it -->
      <xsl:apply-templates select="a:carte" mode="figure"/>
      <xsl:call-template name="fdr-body"><xsl:with-param name="s" select="."/></xsl:call-template>
    </d:section>
  </xsl:template>

  <xsl:template name="dossier-colophon">
    <d:colophon>
      <d:p><xsl:value-of select="concat('Dossier du séminaire final — ', $dossier-title, '.')"/></d:p>
      <!-- Each atelier with the version of the feuille de route the dossier reprints. -->
      <xsl:for-each select="$ateliers">
        <xsl:variable name="default-version">
          <xsl:choose>
            <xsl:when test="@version"><xsl:value-of select="@version"/></xsl:when>
            <xsl:otherwise>1.0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <d:p>
          <xsl:apply-templates select="a:titre" mode="plain"/>
          <xsl:value-of select="concat(' : atelier piloté par ', t:service(a:pilotage/a:service[1]))"/>
          <xsl:call-template name="colophon-team"><xsl:with-param name="equipe" select="a:equipe"/></xsl:call-template>
          <!-- each site's own feuille de route may have its version and date: named by
               site unless they all agree -->
          <xsl:variable name="atelier" select="."/>
          <xsl:variable name="fdr">
            <xsl:for-each select="a:site">
              <t:v>
                <xsl:attribute name="site"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:attribute>
                <xsl:value-of select="concat('version ', t:deliverable-version('feuille-de-route', $atelier, ., string($default-version)),
                    ' du ', lv:date(t:deliverable-date('feuille-de-route', $atelier, .)))"/>
              </t:v>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="fdrs" select="exsl:node-set($fdr)/t:v"/>
          <xsl:choose>
            <xsl:when test="not($fdrs[. != string($fdrs[1])])">
              <xsl:value-of select="concat(' ; feuille de route ', $fdrs[1], '.')"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text> ; feuilles de route : </xsl:text>
              <xsl:for-each select="$fdrs">
                <xsl:if test="position() &gt; 1 and position() &lt; last()">, </xsl:if>
                <xsl:if test="position() &gt; 1 and position() = last()"> et </xsl:if>
                <xsl:value-of select="concat(@site, ' (', ., ')')"/>
              </xsl:for-each>
              <xsl:text>.</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </d:p>
      </xsl:for-each>
      <d:p>
        <xsl:value-of select="concat('Version ', t:deliverable-version('dossier', $ateliers, /.., $doc-version),
            ' du ', lv:date(t:deliverable-date('dossier', $ateliers, /..)), '.')"/>
      </d:p>
    </d:colophon>
  </xsl:template>

  <!-- A dossier's tables gather several sites: an action's number always names its site
       ("Coût à définir pour l’action 2.1.3 (Vernay-sur-Loue)"), even when only one site has
       such actions. -->
  <xsl:variable name="fin-always-name-site" select="$nsites &gt; 1"/>

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
          <xsl:choose>
            <xsl:when test="contains(@site, ' · ')">Séminaire interrégional</xsl:when>
            <xsl:otherwise>Séminaire régional</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@site != ''"><xsl:value-of select="concat(' — ', @site)"/></xsl:if>
        </fo:block>
        <!-- The date, then the place on its own line: a long place does not break mid-name. -->
        <xsl:if test="$info/d:when">
          <fo:block xsl:use-attribute-sets="cover-site" font-weight="bold" color="{$color-primary}">
            <xsl:value-of select="$info/d:when"/>
          </fo:block>
          <fo:block xsl:use-attribute-sets="cover-site" color="{$color-primary}" space-before="0pt">
            <xsl:value-of select="$info/d:where"/>
          </fo:block>
        </xsl:if>
      </fo:block>
      <xsl:apply-templates select="." mode="cover-example">
        <xsl:with-param name="space-before" select="'8mm'"/>
      </xsl:apply-templates>
      <fo:block start-indent="{$margin-inner}" end-indent="{$margin-outer}" space-before="14mm">
        <fo:block xsl:use-attribute-sets="cover-kicker" color="{$color-primary}" font-size="9pt"
            space-after="3mm">
          <xsl:value-of select="$info/d:counts"/>
        </fo:block>
        <xsl:for-each select="$info/d:atelier">
          <fo:block space-after="3mm" keep-together.within-page="always"
              padding-before="2.5mm" border-before-style="solid" border-before-width="0.5pt"
              border-before-color="{$color-rule}">
            <fo:block font-size="11pt" font-weight="bold"><xsl:value-of select="@title"/></fo:block>
            <xsl:if test="@subtitle != ''">
              <fo:block font-size="10pt"><xsl:value-of select="@subtitle"/></fo:block>
            </xsl:if>
            <xsl:if test="@meta != ''">
              <fo:block xsl:use-attribute-sets="cover-meta"><xsl:value-of select="@meta"/></fo:block>
            </xsl:if>
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
