<?xml version="1.0" encoding="UTF-8"?>
<!--
  Feuille de route (per site): vision and axes; the action plan by axis; the phasing
  chart; one fiche per action; the financing plan (totals by axis and by funder, computed
  from the source); governance; consolidated lists of complementary studies and of tools.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="a d lv t exsl">

  <xsl:import href="common/document.xsl"/>
  <xsl:include href="feuille-de-route-fiche.xsl"/>

  <!-- Muenchian grouping keys, all scoped by site id. -->
  <!-- A funder's lines, whatever their kind: a commune's aid to another's action and its own
       funds for its own action are one funder's commitment, one row. Only the lines of open
       actions with a cost, the ones the table by funder counts: tested once a line here
       rather than at every look-up (each test a call of t:open, the bulk of that table's
       time). -->
  <xsl:key name="line-by-funder" match="a:action[t:open(.) and a:cout]/a:financements/a:ligne"
           use="concat(ancestor::a:site/@id, '|', normalize-space(@financeur))"/>
  <xsl:key name="etude-by-text" match="a:etude"
           use="concat(ancestor::a:site/@id, '|', normalize-space(.))"/>
  <xsl:key name="outil-by-text" match="a:outil"
           use="concat(ancestor::a:site/@id, '|', normalize-space(.))"/>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Feuille de route'"/>
      <xsl:with-param name="kind" select="'feuille-de-route'"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, feuille de route, plan d’actions, fiches actions'"/>
      <xsl:with-param name="body">
        <xsl:call-template name="fdr-body">
          <xsl:with-param name="s" select="$the-site"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The chapters of a site's feuille de route, as d:section elements. Called once here,
       and once per site by the seminar dossier (templates/dossier.xsl). -->
  <xsl:template name="fdr-body">
    <xsl:param name="s"/>
    <xsl:variable name="actions" select="$s/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
    <xsl:call-template name="fdr-vision"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:call-template name="fdr-plan"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:call-template name="fdr-fiches"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:call-template name="fdr-financing"><xsl:with-param name="s" select="$s"/></xsl:call-template>
    <xsl:if test="$s/a:gouvernance">
      <d:section title="Gouvernance et suivi" break="auto">
        <xsl:apply-templates select="$s/a:gouvernance" mode="fdr-governance"/>
      </d:section>
    </xsl:if>
    <xsl:call-template name="fdr-consolidated">
      <xsl:with-param name="title" select="'Études complémentaires'"/>
      <xsl:with-param name="intro" select="'Études à engager, avec les actions qui les appellent.'"/>
      <xsl:with-param name="firsts" select="$actions/a:etudes/a:etude[generate-id() =
          generate-id(key('etude-by-text', concat(ancestor::a:site/@id, '|', normalize-space(.)))[1])]"/>
      <xsl:with-param name="key" select="'etude'"/>
    </xsl:call-template>
    <xsl:call-template name="fdr-consolidated">
      <xsl:with-param name="title" select="'Outils et procédures'"/>
      <xsl:with-param name="intro" select="'Outils opérationnels et procédures à mobiliser, avec les actions concernées.'"/>
      <xsl:with-param name="firsts" select="$actions/a:outils/a:outil[generate-id() =
          generate-id(key('outil-by-text', concat(ancestor::a:site/@id, '|', normalize-space(.)))[1])]"/>
      <xsl:with-param name="key" select="'outil'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 1. Vision and axes. -->
  <xsl:template name="fdr-vision">
    <xsl:param name="s"/>
    <xsl:variable name="axes" select="$s/a:strategie/a:axe"/>
    <xsl:variable name="actions" select="$axes/a:objectif/a:action"/>
    <d:section title="Vision et axes stratégiques">
      <d:box><xsl:apply-templates select="$s/a:strategie/a:vision" mode="prose"/></d:box>
      <xsl:for-each select="$axes">
        <d:label><xsl:apply-templates select="." mode="axis-title"/></d:label>
        <xsl:apply-templates select="." mode="prose"/>
        <d:list>
          <!-- "Objectif 1.1 — Connaître…", as the rapport final and the fiches write it -->
          <xsl:for-each select="a:objectif">
            <d:item>
              <xsl:value-of select="concat('Objectif ', @numero, ' — ')"/>
              <xsl:apply-templates select="a:titre" mode="inline"/>
            </d:item>
          </xsl:for-each>
        </d:list>
      </xsl:for-each>
    </d:section>
  </xsl:template>

  <!-- 2. The plan: one table per axis, then the phasing chart. -->
  <xsl:template name="fdr-plan">
    <xsl:param name="s"/>
    <xsl:variable name="axes" select="$s/a:strategie/a:axe"/>
    <xsl:variable name="actions" select="$axes/a:objectif/a:action[t:open(.)]"/>
    <d:section title="Plan d’actions">
      <d:p>
        <xsl:value-of select="concat(t:capitalize(t:words(count($actions), true())), t:plural(count($actions), ' action', ' actions'),
                                     ', pour un coût estimé de ', t:amount(sum($actions/a:cout)))"/>
        <xsl:if test="$actions[not(a:cout)]">
          <xsl:value-of select="concat(' (', t:words(count($actions[not(a:cout)]), true()),
              t:plural(count($actions[not(a:cout)]), ' action au coût à définir', ' actions au coût à définir'), ')')"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </d:p>
      <xsl:for-each select="$axes">
        <d:section>
          <xsl:attribute name="title"><xsl:apply-templates select="." mode="axis-title"/></xsl:attribute>
          <xsl:call-template name="plan-table">
            <xsl:with-param name="axes" select="."/>
            <xsl:with-param name="detailed" select="true()"/>
            <xsl:with-param name="group" select="false()"/>
            <xsl:with-param name="sized-by" select="$actions"/>
          </xsl:call-template>
        </d:section>
      </xsl:for-each>
      <d:section title="Phasage">
        <xsl:call-template name="phasing-chart">
          <xsl:with-param name="actions" select="$actions"/>
        </xsl:call-template>
      </d:section>
      <xsl:call-template name="closed-actions">
        <xsl:with-param name="actions" select="$axes/a:objectif/a:action"/>
      </xsl:call-template>
    </d:section>
  </xsl:template>

  <!-- 3. One fiche per action, grouped by axis. -->
  <xsl:template name="fdr-fiches">
    <xsl:param name="s"/>
    <xsl:variable name="axes" select="$s/a:strategie/a:axe"/>
    <xsl:variable name="actions" select="$axes/a:objectif/a:action"/>
    <d:section title="Fiches actions">
      <xsl:for-each select="$axes">
        <d:section>
          <xsl:attribute name="title"><xsl:apply-templates select="." mode="axis-title"/></xsl:attribute>
          <xsl:apply-templates select="a:objectif/a:action[t:open(.)]" mode="fiche"/>
        </d:section>
      </xsl:for-each>
    </d:section>
  </xsl:template>

  <!-- 4. Financing plan: by axis, then by funder, amounts split by state
       (common/financing.xsl). -->
  <xsl:template name="fdr-financing">
    <xsl:param name="s"/>
    <xsl:variable name="actions" select="$s/a:strategie/a:axe/a:objectif/a:action[t:open(.) and a:cout]"/>
    <xsl:variable name="funded" select="$actions/a:financements/a:ligne"/>
    <d:section title="Plan de financement">
      <d:section title="Par axe">
        <xsl:call-template name="fin-by-axis"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </d:section>
      <d:section title="Par financeur">
        <xsl:call-template name="fdr-by-funder">
          <xsl:with-param name="actions" select="$actions"/>
          <xsl:with-param name="funded" select="$funded"/>
        </xsl:call-template>
      </d:section>
    </d:section>
  </xsl:template>

  <!-- One row per funder, its whole commitment to the plan whatever the kind of money, the
       largest first, so that the first row is the first funder; under the funder's name, the
       part of it that is no funder's aid to another's action (the porteur's own funds, a
       loan, a land carrying); then the part of the costs no line covers. Each share rounded
       on its own (lv:share), the note under the table when they don't add up to 100 %. -->
  <xsl:template name="fdr-by-funder">
    <xsl:param name="actions"/>
    <xsl:param name="funded"/>
    <xsl:variable name="facts-rtf">
      <xsl:call-template name="fin-facts"><xsl:with-param name="actions" select="$actions"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="facts" select="exsl:node-set($facts-rtf)/t:f"/>
    <xsl:variable name="firsts" select="$funded[generate-id() = generate-id(key('line-by-funder',
        concat(ancestor::a:site/@id, '|', normalize-space(@financeur)))[1])]"/>
    <!-- The rows' totals, in the rows' order, for the shares. -->
    <xsl:variable name="order-rtf">
      <xsl:for-each select="$firsts">
        <xsl:sort select="sum(key('line-by-funder', concat(ancestor::a:site/@id, '|', normalize-space(@financeur)))/@montant)"
                  data-type="number" order="descending"/>
        <t:r total="{sum(key('line-by-funder', concat(ancestor::a:site/@id, '|', normalize-space(@financeur)))/@montant)}"/>
      </xsl:for-each>
      <t:r total="{sum($facts/@gap)}"/>
    </xsl:variable>
    <xsl:variable name="totals">
      <xsl:for-each select="exsl:node-set($order-rtf)/t:r"><xsl:value-of select="concat(@total, ' ')"/></xsl:for-each>
    </xsl:variable>
    <d:table cols="6.2 2.6 2.6 2.6 2.7 1.8">
      <d:head><d:cell>Financeur (actions)</d:cell>
        <d:cell align="end">Acquis</d:cell><d:cell align="end">Sollicité</d:cell>
        <d:cell align="end">À rechercher</d:cell>
        <d:cell align="end"><xsl:value-of select="concat('Total ', t:tax-of($facts))"/></d:cell>
        <d:cell align="end">Part</d:cell></d:head>
      <xsl:for-each select="$firsts">
        <xsl:sort select="sum(key('line-by-funder', concat(ancestor::a:site/@id, '|', normalize-space(@financeur)))/@montant)"
                  data-type="number" order="descending"/>
        <xsl:variable name="group"
            select="key('line-by-funder', concat(ancestor::a:site/@id, '|', normalize-space(@financeur)))"/>
        <d:row>
          <d:cell>
            <xsl:value-of select="lv:typo(normalize-space(@financeur))"/>
            <xsl:text> (</xsl:text>
            <!-- the actions of the lines, each once (a union holds no node twice) -->
            <xsl:for-each select="$group/../..">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="@numero"/>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
            <xsl:call-template name="fdr-funder-kinds"><xsl:with-param name="group" select="$group"/></xsl:call-template>
          </d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($group[@etat = 'acquis']/@montant))"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($group[not(@etat) or @etat = 'sollicite']/@montant))"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($group[@etat = 'a-rechercher']/@montant))"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount(sum($group/@montant))"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:share($totals, position())"/></d:cell>
        </d:row>
      </xsl:for-each>
      <xsl:if test="sum($facts/@gap) &gt; 0">
        <d:row>
          <d:cell><d:em>Financeur à trouver (part du coût qu’aucune ligne ne couvre)</d:em></d:cell>
          <d:cell align="end"/><d:cell align="end"/>
          <d:cell align="end"><xsl:value-of select="t:amount(sum($facts/@gap))"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount(sum($facts/@gap))"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:share($totals, count($firsts) + 1)"/></d:cell>
        </d:row>
      </xsl:if>
      <d:row type="total">
        <d:cell>Total</d:cell>
        <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($facts/@acq))"/></d:cell>
        <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($facts/@sol))"/></d:cell>
        <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($facts/@rech))"/></d:cell>
        <d:cell align="end"><xsl:value-of select="t:amount(sum($facts/@acq) + sum($facts/@sol) + sum($facts/@rech))"/></d:cell>
        <d:cell align="end"><xsl:if test="sum($facts/@cost) &gt; 0">100,0&#160;%</xsl:if></d:cell>
      </d:row>
    </d:table>
    <xsl:variable name="note">
      <xsl:call-template name="fin-rounding-note"><xsl:with-param name="all" select="$totals"/></xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($note) != ''"><d:caption><xsl:value-of select="$note"/></d:caption></xsl:if>
  </xsl:template>

  <!-- Under a funder's name, what of its commitment is not a cofinancing of another's
       action: "dont part du porteur : 1 185 000 € ; emprunt : 300 000 €" (all of it, maybe).
       Nothing when every line is a cofinancing. -->
  <xsl:template name="fdr-funder-kinds">
    <xsl:param name="group"/>
    <xsl:variable name="kinds-rtf">
      <xsl:for-each select="$group">
        <xsl:variable name="kind" select="t:funding-kind(.)"/>
        <xsl:if test="$kind != 'subvention'"><t:k kind="{$kind}" amount="{@montant}" rank="{t:funding-rank($kind)}"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="kinds" select="exsl:node-set($kinds-rtf)/t:k"/>
    <xsl:if test="$kinds">
      <d:detail>
        <xsl:text>dont </xsl:text>
        <xsl:for-each select="$kinds">
          <xsl:sort select="@rank" data-type="number"/>
          <xsl:if test="not(preceding-sibling::t:k[@kind = current()/@kind])">
            <xsl:if test="position() &gt; 1">&#8239;; </xsl:if>
            <xsl:value-of select="concat(t:label('fonds-dont', @kind), '&#160;: ', t:amount(sum($kinds[@kind = current()/@kind]/@amount)))"/>
          </xsl:if>
        </xsl:for-each>
      </d:detail>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:gouvernance" mode="fdr-governance">
    <xsl:apply-templates select="." mode="prose"/>
    <xsl:if test="a:instance">
      <d:table cols="3 2 5">
        <d:head><d:cell>Instance</d:cell><d:cell>Fréquence</d:cell><d:cell>Rôle et composition</d:cell></d:head>
        <xsl:for-each select="a:instance">
          <d:row>
            <d:cell><d:strong><xsl:value-of select="lv:typo(normalize-space(@nom))"/></d:strong></d:cell>
            <d:cell><xsl:value-of select="lv:typo(normalize-space(@frequence))"/></d:cell>
            <d:cell><xsl:apply-templates select="." mode="inline"/></d:cell>
          </d:row>
        </xsl:for-each>
      </d:table>
    </xsl:if>
    <xsl:if test="../a:strategie/a:axe/a:objectif/a:action/a:indicateurs">
      <d:label>Indicateurs de suivi</d:label>
      <!-- what the fiches hold; nothing the source does not say of who reads them -->
      <d:p>Les indicateurs de suivi de chaque action figurent sur sa fiche.</d:p>
    </xsl:if>
  </xsl:template>

  <!-- A consolidated list: each distinct study (or tool) and the actions that need it. -->
  <xsl:template name="fdr-consolidated">
    <xsl:param name="title"/>
    <xsl:param name="intro"/>
    <xsl:param name="firsts"/>
    <xsl:param name="key"/>
    <xsl:if test="$firsts">
      <d:section title="{$title}" break="auto">
        <d:p keep="next"><xsl:value-of select="$intro"/></d:p>
        <!-- A long list takes two pairs of columns, read down the left pair then the right:
             half the rows, so that its last rows don't end a chapter alone on a page. -->
        <xsl:variable name="two" select="count($firsts) &gt; 6"/>
        <xsl:variable name="rows" select="ceiling(count($firsts) div (1 + $two))"/>
        <xsl:variable name="head" select="substring-before(concat($title, ' '), ' ')"/>
        <d:table>
          <xsl:if test="$two"><xsl:attribute name="read">columns</xsl:attribute></xsl:if>
          <xsl:attribute name="cols">
            <xsl:choose>
              <xsl:when test="$two">5 2 5 2</xsl:when>
              <xsl:otherwise>7 3</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <d:head><d:cell><xsl:value-of select="$head"/></d:cell><d:cell>Actions</d:cell>
            <xsl:if test="$two"><d:cell><xsl:value-of select="$head"/></d:cell><d:cell>Actions</d:cell></xsl:if></d:head>
          <!-- in the order of the actions that first call for them (document order) -->
          <xsl:for-each select="$firsts[position() &lt;= $rows]">
            <xsl:variable name="i" select="position()"/>
            <d:row>
              <xsl:apply-templates select="." mode="fdr-consolidated-cells"><xsl:with-param name="key" select="$key"/></xsl:apply-templates>
              <xsl:if test="$two">
                <xsl:apply-templates select="$firsts[$i + $rows]" mode="fdr-consolidated-cells"><xsl:with-param name="key" select="$key"/></xsl:apply-templates>
                <xsl:if test="not($firsts[$i + $rows])"><d:cell/><d:cell/></xsl:if>
              </xsl:if>
            </d:row>
          </xsl:for-each>
        </d:table>
      </d:section>
    </xsl:if>
  </xsl:template>

  <!-- A study or a tool, then the actions that call for it (links to their fiches). -->
  <xsl:template match="a:etude | a:outil" mode="fdr-consolidated-cells">
    <xsl:param name="key"/>
    <xsl:variable name="k" select="concat(ancestor::a:site/@id, '|', normalize-space(.))"/>
    <d:cell><xsl:apply-templates select="." mode="inline"/></d:cell>
    <d:cell>
      <xsl:for-each select="key(concat($key, '-by-text'), $k)">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <d:ref to="{t:action-id(../..)}"><xsl:value-of select="../../@numero"/></d:ref>
      </xsl:for-each>
    </d:cell>
  </xsl:template>

</xsl:stylesheet>
