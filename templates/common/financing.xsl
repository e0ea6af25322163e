<?xml version="1.0" encoding="UTF-8"?>
<!--
  Financing by state (pass 1), shared by the feuille de route (by axis, by funder, each
  fiche), the livret and the seminar dossier (by site).

  Every amount is split by the state of its line: acquis, sollicité (a line without etat
  counts as sollicité) and à rechercher, which also takes the part of an action's cost that
  no line covers. Only the actions of the plan count: those still open (statut a-lancer or
  en-cours) and with a cost; an open action without a cost is named apart ("coût à
  définir"), never silently left out. Each share of the cost is rounded on its own to a
  tenth of a percent, half away from zero (lv:share); a table whose rounded shares don't add
  up to 100 % says so under it. Every table says whether its amounts are HT or TTC: an
  action's cout/@taxe, else the atelier's @taxe, else HT.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:exsl="http://exslt.org/common"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="a d lv t exsl func">

  <!-- True for an action of the plan: not realisee nor abandonnee. -->
  <func:function name="t:open">
    <xsl:param name="action"/>
    <func:result select="not($action/@statut = 'realisee' or $action/@statut = 'abandonnee')"/>
  </func:function>

  <!-- What kind of money a financing line brings: its type, else "autofinancement" when
       the funder is the action's porteur (its own funds), named as the porteur or by the
       start of the porteur's name ("Région Occitanie" for "Région Occitanie (autorité
       organisatrice de la mobilité)", "Communes" for "Communes volontaires"), else
       "subvention". Loans, own funds and land carrying are money for the action, but no
       funder's aid: the tables by funder and the fiches name them apart. -->
  <func:function name="t:funding-kind">
    <xsl:param name="ligne"/>
    <xsl:variable name="funder" select="normalize-space($ligne/@financeur)"/>
    <xsl:variable name="porteur" select="normalize-space($ligne/../../a:porteur)"/>
    <xsl:choose>
      <xsl:when test="$ligne/@type"><func:result select="string($ligne/@type)"/></xsl:when>
      <xsl:when test="$funder = $porteur or starts-with($porteur, concat($funder, ' '))">
        <func:result select="'autofinancement'"/>
      </xsl:when>
      <xsl:otherwise><func:result select="'subvention'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The rank of a kind where kinds are listed: aids first, then own funds, loans, carrying. -->
  <func:function name="t:funding-rank">
    <xsl:param name="kind"/>
    <func:result select="string-length(substring-before('subvention autofinancement emprunt portage', $kind))"/>
  </func:function>

  <!-- An amount, or a dash for nothing (a state with no money in a financing table). -->
  <func:function name="t:amount-or-dash">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="number($n) = 0"><func:result select="'—'"/></xsl:when>
      <xsl:otherwise><func:result select="t:amount($n)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- HT or TTC for an action's amounts. -->
  <func:function name="t:tax">
    <xsl:param name="action"/>
    <xsl:choose>
      <xsl:when test="$action/a:cout/@taxe"><func:result select="string($action/a:cout/@taxe)"/></xsl:when>
      <xsl:when test="$action/ancestor::a:atelier/@taxe">
        <func:result select="string($action/ancestor::a:atelier/@taxe)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="'HT'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The facts of $actions, one t:f each (open actions only): numero, axe (its number),
       site (id), tax, and, with a cost, cost / acq / sol / rech / gap (the part of the cost
       no line covers, included in rech); without a cost, nocost="yes". -->
  <xsl:template name="fin-facts">
    <xsl:param name="actions"/>
    <xsl:for-each select="$actions[t:open(.)]">
      <xsl:variable name="lines" select="a:financements/a:ligne"/>
      <t:f numero="{@numero}" axe="{../../@numero}" site="{ancestor::a:site/@id}" tax="{t:tax(.)}">
        <xsl:attribute name="site-name"><xsl:apply-templates select="ancestor::a:site/a:nom" mode="plain"/></xsl:attribute>
        <xsl:choose>
          <xsl:when test="a:cout">
            <xsl:variable name="cost" select="number(a:cout)"/>
            <xsl:variable name="acq" select="sum($lines[@etat = 'acquis']/@montant)"/>
            <xsl:variable name="sol" select="sum($lines[not(@etat) or @etat = 'sollicite']/@montant)"/>
            <xsl:variable name="found" select="sum($lines[@etat = 'a-rechercher']/@montant)"/>
            <xsl:variable name="gap" select="($cost - $acq - $sol - $found) * number($cost &gt; $acq + $sol + $found)"/>
            <xsl:attribute name="cost"><xsl:value-of select="$cost"/></xsl:attribute>
            <xsl:attribute name="acq"><xsl:value-of select="$acq"/></xsl:attribute>
            <xsl:attribute name="sol"><xsl:value-of select="$sol"/></xsl:attribute>
            <xsl:attribute name="rech"><xsl:value-of select="$found + $gap"/></xsl:attribute>
            <xsl:attribute name="gap"><xsl:value-of select="$gap"/></xsl:attribute>
          </xsl:when>
          <xsl:otherwise><xsl:attribute name="nocost">yes</xsl:attribute></xsl:otherwise>
        </xsl:choose>
      </t:f>
    </xsl:for-each>
  </xsl:template>

  <!-- "38,2 %": the share of the $i-th of the space-separated amounts $all. -->
  <func:function name="t:share">
    <xsl:param name="all"/>
    <xsl:param name="i"/>
    <xsl:variable name="s" select="lv:share($all, $i)"/>
    <xsl:choose>
      <xsl:when test="$s != ''"><func:result select="$s"/></xsl:when>
      <xsl:otherwise><func:result select="'—'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- "HT", "TTC", or "HT/TTC" when the costs of $actions mix them. -->
  <func:function name="t:tax-of-actions">
    <xsl:param name="actions"/>
    <xsl:variable name="taxes">
      <xsl:for-each select="$actions[a:cout]"><xsl:value-of select="concat(t:tax(.), ' ')"/></xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($taxes, 'HT') and contains($taxes, 'TTC')"><func:result select="'HT/TTC'"/></xsl:when>
      <xsl:when test="contains($taxes, 'TTC')"><func:result select="'TTC'"/></xsl:when>
      <xsl:otherwise><func:result select="'HT'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- "HT", "TTC", or "HT/TTC" when the facts mix them. -->
  <func:function name="t:tax-of">
    <xsl:param name="facts"/>
    <xsl:choose>
      <xsl:when test="$facts[@tax = 'TTC'] and $facts[@tax = 'HT']"><func:result select="'HT/TTC'"/></xsl:when>
      <xsl:when test="$facts[@tax = 'TTC']"><func:result select="'TTC'"/></xsl:when>
      <xsl:otherwise><func:result select="'HT'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- "1.1.2, 2.3.1": the numbers of the facts, each once; each followed by its site's name
       in parentheses when the table covers several sites ($table: all its facts). -->
  <!-- Whether every number names its site; the seminar dossier, which gathers several
       sites, sets it. -->
  <xsl:variable name="fin-always-name-site" select="false()"/>

  <xsl:template name="fin-numbers">
    <xsl:param name="facts"/>
    <xsl:param name="table" select="$facts"/>
    <xsl:variable name="several" select="$fin-always-name-site or $table[@site != $table[1]/@site]"/>
    <!-- an action a funder finances by two lines is named once -->
    <xsl:variable name="once-rtf">
      <xsl:for-each select="$facts">
        <xsl:variable name="pos" select="position()"/>
        <xsl:if test="not($facts[position() &lt; $pos][@numero = current()/@numero and @site = current()/@site])">
          <xsl:copy-of select="."/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($once-rtf)/*">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="@numero"/>
      <xsl:if test="$several"><xsl:value-of select="concat(' (', @site-name, ')')"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The sentence a table of shares needs when its rounded shares (lv:share: each rounded
       on its own) don't add up to 100,0 %; nothing when they do. $all: the space-separated
       amounts the shares are of. -->
  <xsl:template name="fin-rounding-note">
    <xsl:param name="all"/>
    <xsl:variable name="sum" select="lv:shares-total($all)"/>
    <xsl:if test="$sum = $sum and $sum != 1000">
      <xsl:text>Les parts étant arrondies, leur somme peut différer de&#160;100&#160;%.</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- What a table's figures leave out or mix, as d:caption: the taxes when they are mixed,
       the actions whose cost is still to define, and the rounding of the shares of acquis,
       sollicité and à rechercher when it shows. No caption when there is nothing to say. -->
  <xsl:template name="fin-notes">
    <xsl:param name="facts"/>
    <xsl:variable name="shares" select="concat(sum($facts/@acq), ' ', sum($facts/@sol), ' ', sum($facts/@rech))"/>
    <xsl:variable name="costed" select="$facts[@cost]"/>
    <xsl:variable name="nocost" select="$facts[@nocost]"/>
    <xsl:variable name="text">
      <xsl:if test="$costed">
        <xsl:if test="t:tax-of($costed) = 'HT/TTC'">
          <xsl:text>Montants hors taxes, sauf ceux des actions </xsl:text>
          <xsl:call-template name="fin-numbers">
            <xsl:with-param name="facts" select="$costed[@tax = 'TTC']"/>
            <xsl:with-param name="table" select="$facts"/>
          </xsl:call-template>
          <xsl:text>, toutes taxes comprises. </xsl:text>
        </xsl:if>
        <xsl:if test="$nocost">
          <xsl:value-of select="t:plural(count($nocost), 'Coût à définir pour l’action ', 'Coût à définir pour les actions ')"/>
          <xsl:call-template name="fin-numbers">
            <xsl:with-param name="facts" select="$nocost"/>
            <xsl:with-param name="table" select="$facts"/>
          </xsl:call-template>
          <xsl:value-of select="t:plural(count($nocost), ', non comprise dans les totaux. ', ', non comprises dans les totaux. ')"/>
        </xsl:if>
        <xsl:call-template name="fin-rounding-note"><xsl:with-param name="all" select="$shares"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="normalize-space($text) != ''">
      <d:caption><xsl:value-of select="normalize-space($text)"/></d:caption>
    </xsl:if>
  </xsl:template>

  <!-- The amount cells of one row: cost, acquis, sollicité, à rechercher; nothing in a state
       is a dash, as in the table by funder. -->
  <xsl:template name="fin-cells">
    <xsl:param name="f"/>
    <!-- facts without a cost have none of these attributes: they add nothing -->
    <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($f/@cost))"/></d:cell>
    <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($f/@acq))"/></d:cell>
    <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($f/@sol))"/></d:cell>
    <d:cell align="end"><xsl:value-of select="t:amount-or-dash(sum($f/@rech))"/></d:cell>
  </xsl:template>

  <!-- The shares row: "Part du coût | 100 % | 38,2 % | 25,1 % | 36,7 %". -->
  <xsl:template name="fin-shares-row">
    <xsl:param name="f"/>
    <xsl:param name="label" select="'Part du coût'"/>
    <xsl:variable name="all" select="concat(sum($f/@acq), ' ', sum($f/@sol), ' ', sum($f/@rech))"/>
    <d:row type="total">
      <d:cell><xsl:value-of select="$label"/></d:cell>
      <d:cell align="end">
        <xsl:if test="sum($f/@cost) &gt; 0">100,0&#160;%</xsl:if>
      </d:cell>
      <!-- a state with no amount has a dash for its share too, as on the amounts' row -->
      <d:cell align="end"><xsl:value-of select="t:first-of(substring('—', 1, number(sum($f/@acq) = 0)), t:share($all, 1))"/></d:cell>
      <d:cell align="end"><xsl:value-of select="t:first-of(substring('—', 1, number(sum($f/@sol) = 0)), t:share($all, 2))"/></d:cell>
      <d:cell align="end"><xsl:value-of select="t:first-of(substring('—', 1, number(sum($f/@rech) = 0)), t:share($all, 3))"/></d:cell>
    </d:row>
  </xsl:template>

  <xsl:template name="fin-head">
    <xsl:param name="first"/>
    <xsl:param name="facts"/>
    <d:head>
      <d:cell><xsl:value-of select="$first"/></d:cell>
      <d:cell align="end"><xsl:value-of select="concat('Coût ', t:tax-of($facts[@cost]))"/></d:cell>
      <d:cell align="end">Acquis</d:cell>
      <d:cell align="end">Sollicité</d:cell>
      <d:cell align="end">À rechercher</d:cell>
    </d:head>
  </xsl:template>

  <!-- Financing by state, one row per group: $groups is a node-set of t:g elements with a
       label attribute and the t:f facts of the group as children. Total and shares rows,
       then the notes. -->
  <xsl:template name="fin-state-table">
    <xsl:param name="first"/>
    <xsl:param name="groups"/>
    <xsl:variable name="all" select="$groups/t:f"/>
    <d:table cols="6.2 2.9 2.9 2.9 2.9">
      <xsl:call-template name="fin-head">
        <xsl:with-param name="first" select="$first"/>
        <xsl:with-param name="facts" select="$all"/>
      </xsl:call-template>
      <!-- one group is its own total: its row, set as the total, and no second row equal to it -->
      <xsl:for-each select="$groups">
        <d:row>
          <xsl:if test="last() = 1"><xsl:attribute name="type">total</xsl:attribute></xsl:if>
          <d:cell><xsl:value-of select="@label"/></d:cell>
          <xsl:call-template name="fin-cells"><xsl:with-param name="f" select="t:f"/></xsl:call-template>
        </d:row>
      </xsl:for-each>
      <xsl:if test="count($groups) &gt; 1">
        <d:row type="total">
          <d:cell>Total</d:cell>
          <xsl:call-template name="fin-cells"><xsl:with-param name="f" select="$all"/></xsl:call-template>
        </d:row>
      </xsl:if>
      <xsl:call-template name="fin-shares-row"><xsl:with-param name="f" select="$all"/></xsl:call-template>
    </d:table>
    <xsl:call-template name="fin-notes"><xsl:with-param name="facts" select="$all"/></xsl:call-template>
  </xsl:template>

  <!-- A fiche's financing: its lines, then its amounts by state with their shares. -->
  <xsl:template name="fin-fiche">
    <xsl:param name="action"/>
    <xsl:variable name="facts-rtf">
      <xsl:call-template name="fin-facts"><xsl:with-param name="actions" select="$action"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="f" select="exsl:node-set($facts-rtf)/t:f[@cost]"/>
    <xsl:apply-templates select="$action/a:financements" mode="fiche"/>
    <xsl:if test="$f">
      <d:table cols="3.2 3 3 3 3">
        <xsl:call-template name="fin-head">
          <xsl:with-param name="first" select="'Financement'"/>
          <xsl:with-param name="facts" select="$f"/>
        </xsl:call-template>
        <d:row>
          <d:cell>Montant</d:cell>
          <xsl:call-template name="fin-cells"><xsl:with-param name="f" select="$f"/></xsl:call-template>
        </d:row>
        <xsl:call-template name="fin-shares-row">
          <xsl:with-param name="f" select="$f"/>
          <xsl:with-param name="label" select="'Part'"/>
        </xsl:call-template>
      </d:table>
      <xsl:variable name="note">
        <xsl:call-template name="fin-rounding-note">
          <xsl:with-param name="all" select="concat(sum($f/@acq), ' ', sum($f/@sol), ' ', sum($f/@rech))"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="string($note) != ''"><d:caption><xsl:value-of select="$note"/></d:caption></xsl:if>
      <xsl:if test="$f/@gap &gt; 0">
        <d:p>
          <xsl:value-of select="concat('Dont ', t:amount($f/@gap), ' que ne couvre encore aucune ligne de financement.')"/>
        </d:p>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Financing of the plans of $sites, one row per site; one site's row is its amounts, no
       column names it. -->
  <xsl:template name="fin-by-site">
    <xsl:param name="sites"/>
    <xsl:variable name="groups-rtf">
      <xsl:for-each select="$sites">
        <t:g>
          <xsl:attribute name="label">
            <xsl:choose>
              <xsl:when test="count($sites) = 1">Montant</xsl:when>
              <xsl:otherwise><xsl:apply-templates select="a:nom" mode="plain"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:call-template name="fin-facts">
            <xsl:with-param name="actions" select="a:strategie/a:axe/a:objectif/a:action"/>
          </xsl:call-template>
        </t:g>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="fin-state-table">
      <xsl:with-param name="first" select="substring('Site', 1, 4 * number(count($sites) &gt; 1))"/>
      <xsl:with-param name="groups" select="exsl:node-set($groups-rtf)/t:g"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Financing of a site's plan, one row per axis. -->
  <xsl:template name="fin-by-axis">
    <xsl:param name="s"/>
    <xsl:variable name="groups-rtf">
      <xsl:for-each select="$s/a:strategie/a:axe">
        <t:g>
          <xsl:attribute name="label"><xsl:apply-templates select="." mode="axis-title"/></xsl:attribute>
          <xsl:call-template name="fin-facts">
            <xsl:with-param name="actions" select="a:objectif/a:action"/>
          </xsl:call-template>
        </t:g>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="fin-state-table">
      <xsl:with-param name="first" select="'Axe'"/>
      <xsl:with-param name="groups" select="exsl:node-set($groups-rtf)/t:g"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
