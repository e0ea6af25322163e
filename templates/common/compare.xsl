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
    xmlns:exsl="http://exslt.org/common"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="a d lv t set exsl">

  <!-- A group row naming the atelier before its first site (dossier only); none for an
       atelier of one site named after it ("Atelier flash de Vernay-sur-Loue" above
       "Vernay-sur-Loue" says nothing). -->
  <xsl:template name="compare-group-row">
    <xsl:param name="by-atelier"/>
    <xsl:if test="$by-atelier and not(preceding-sibling::a:site)
        and (following-sibling::a:site or not(contains(normalize-space(../a:titre), normalize-space(a:nom))))">
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
    <xsl:variable name="census-years" select="set:distinct($sites/a:population/@annee)"/>
    <d:table>
      <xsl:attribute name="cols">
        <xsl:choose>
          <xsl:when test="$departement">4.5 3.6 3 2.8 2.8 5</xsl:when>
          <xsl:otherwise>5 3.6 2.8 2.8 6</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <d:head><d:cell>Site</d:cell><d:cell>Nature</d:cell>
        <xsl:if test="$departement"><d:cell>Département</d:cell></xsl:if>
        <!-- the census year in the header when the sites share one, else in each cell -->
        <d:cell align="end">Population<xsl:if test="count($census-years) = 1"> (<xsl:value-of select="$census-years"/>)</xsl:if></d:cell>
        <d:cell align="end">Superficie</d:cell><d:cell>Principaux enjeux</d:cell></d:head>
      <xsl:for-each select="$sites">
        <xsl:call-template name="compare-group-row"><xsl:with-param name="by-atelier" select="$by-atelier"/></xsl:call-template>
        <d:row>
          <d:cell><d:strong><xsl:apply-templates select="a:nom" mode="inline"/></d:strong></d:cell>
          <d:cell><xsl:value-of select="t:label('nature', @nature)"/></d:cell>
          <xsl:if test="$departement">
            <d:cell><xsl:apply-templates select="." mode="departements"/></d:cell>
          </xsl:if>
          <d:cell align="end"><xsl:if test="a:population"><xsl:value-of select="lv:number(number(a:population))"/>
            <xsl:if test="count($census-years) &gt; 1 and a:population/@annee"> (<xsl:value-of select="a:population/@annee"/>)</xsl:if></xsl:if></d:cell>
          <d:cell align="end"><xsl:apply-templates select="a:superficie" mode="area"/></d:cell>
          <!-- a cell starts with a capital, as the identity table's « Foncier, risques, … » -->
          <d:cell>
            <xsl:variable name="themes">
              <xsl:for-each select="set:distinct(a:diagnostic/a:enjeux/a:enjeu/@theme)">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="lv:typo(normalize-space(.))"/>
              </xsl:for-each>
            </xsl:variable>
            <xsl:value-of select="t:capitalize($themes)"/>
          </d:cell>
        </d:row>
      </xsl:for-each>
    </d:table>
  </xsl:template>

  <!-- The horizons the open actions of $sites use, in order, one t:h each (value, short
       column label, meaning): a column or a legend entry for a horizon no action has would
       only show zeros. -->
  <t:horizons>
    <t:h v="court" col="Court" text="court (dans les 2 ans)" span="dans les deux ans"/>
    <t:h v="moyen" col="Moyen" text="moyen (de 2 à 5 ans)" span="dans deux à cinq ans"/>
    <t:h v="long" col="Long" text="long (au-delà)" span="au-delà de cinq ans"/>
  </t:horizons>
  <xsl:template name="compare-horizons">
    <xsl:param name="sites"/>
    <xsl:variable name="used" select="$sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]/@horizon"/>
    <xsl:for-each select="document('')/*/t:horizons/t:h[@v = $used]">
      <xsl:copy-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- The priorities the open actions of $sites have, in order, one t:p each (value, column
       label, meaning), as for the horizons: no column of zeros. -->
  <t:priorities>
    <t:p v="1" col="P1" text="essentielle"/>
    <t:p v="2" col="P2" text="importante"/>
    <t:p v="3" col="P3" text="utile"/>
  </t:priorities>
  <xsl:template name="compare-priorities">
    <xsl:param name="sites"/>
    <xsl:variable name="used" select="$sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]/@priorite"/>
    <xsl:for-each select="document('')/*/t:priorities/t:p[@v = $used]">
      <xsl:copy-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- "P1, P2 : actions de priorité 1 (essentielle) et 2 (importante)." -->
  <xsl:template name="compare-priorities-key">
    <xsl:param name="priorities"/>
    <xsl:for-each select="$priorities">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="@col"/>
    </xsl:for-each>
    <xsl:value-of select="t:plural(count($priorities), ' : action de priorité ', ' : actions de priorité ')"/>
    <xsl:for-each select="$priorities">
      <xsl:if test="position() &gt; 1">
        <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
      </xsl:if>
      <xsl:value-of select="concat(@v, ' (', @text, ')')"/>
    </xsl:for-each>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- Number of actions by priority and by horizon (those in use), and their cost; a total
       row when there are several sites. -->
  <xsl:template name="compare-plans">
    <xsl:param name="sites"/>
    <xsl:param name="by-atelier" select="false()"/>
    <xsl:variable name="horizons-rtf">
      <xsl:call-template name="compare-horizons"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="horizons" select="exsl:node-set($horizons-rtf)/t:h"/>
    <xsl:variable name="priorities-rtf">
      <xsl:call-template name="compare-priorities"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="priorities" select="exsl:node-set($priorities-rtf)/t:p"/>
    <d:table>
      <xsl:attribute name="cols">
        <xsl:text>6 2</xsl:text>
        <xsl:for-each select="$priorities"> 1</xsl:for-each>
        <xsl:for-each select="$horizons"> 2</xsl:for-each>
        <xsl:text> 4</xsl:text>
      </xsl:attribute>
      <d:head><d:cell>Site</d:cell><d:cell align="end">Actions</d:cell>
        <xsl:for-each select="$priorities"><d:cell align="end"><xsl:value-of select="@col"/></d:cell></xsl:for-each>
        <xsl:for-each select="$horizons"><d:cell align="end"><xsl:value-of select="@col"/></d:cell></xsl:for-each>
        <d:cell align="end"><xsl:value-of select="concat('Coût ', t:tax-of-actions($sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]))"/></d:cell></d:head>
      <xsl:for-each select="$sites">
        <xsl:call-template name="compare-group-row"><xsl:with-param name="by-atelier" select="$by-atelier"/></xsl:call-template>
        <d:row>
          <d:cell><d:strong><xsl:apply-templates select="a:nom" mode="inline"/></d:strong></d:cell>
          <xsl:call-template name="compare-counts">
            <xsl:with-param name="acts" select="a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
            <xsl:with-param name="priorities" select="$priorities"/>
            <xsl:with-param name="horizons" select="$horizons"/>
          </xsl:call-template>
        </d:row>
      </xsl:for-each>
      <xsl:if test="count($sites) &gt; 1">
        <d:row type="total">
          <d:cell>Ensemble</d:cell>
          <xsl:call-template name="compare-counts">
            <xsl:with-param name="acts" select="$sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
            <xsl:with-param name="priorities" select="$priorities"/>
            <xsl:with-param name="horizons" select="$horizons"/>
          </xsl:call-template>
        </d:row>
      </xsl:if>
    </d:table>
    <d:caption>
      <xsl:call-template name="compare-priorities-key"><xsl:with-param name="priorities" select="$priorities"/></xsl:call-template>
      <xsl:if test="$horizons">
        <xsl:value-of select="concat(' ', t:capitalize(t:plural(count($horizons), 'horizon de lancement des actions : ', 'horizons de lancement des actions : ')))"/>
        <xsl:for-each select="$horizons">
          <xsl:if test="position() &gt; 1">
            <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
          </xsl:if>
          <xsl:value-of select="@text"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
        <!-- a horizon is when an action starts: those already under way count in theirs -->
        <xsl:variable name="engaged" select="count($sites/a:strategie/a:axe/a:objectif/a:action[@statut = 'en-cours'])"/>
        <xsl:if test="$engaged &gt; 0">
          <xsl:value-of select="concat(' ', t:plural($engaged, 'L’action déjà engagée y est comptée',
              concat('Les ', t:words($engaged, true()), ' actions déjà engagées y sont comptées')),
              t:plural($engaged, ' selon l’horizon de son lancement.', ' selon l’horizon de leur lancement.'))"/>
        </xsl:if>
      </xsl:if>
      <!-- the first table that leaves out the actions without a cost says so -->
      <xsl:variable name="nocost" select="$sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)][not(a:cout)]"/>
      <xsl:if test="$nocost">
        <xsl:value-of select="t:plural(count($nocost), ' Le coût ne compte pas l’action ', ' Le coût ne compte pas les actions ')"/>
        <xsl:for-each select="$nocost">
          <xsl:if test="position() &gt; 1">
            <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
          </xsl:if>
          <xsl:value-of select="@numero"/>
          <xsl:if test="count($sites) &gt; 1">
            <xsl:text> (</xsl:text><xsl:apply-templates select="ancestor::a:site/a:nom" mode="plain"/><xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:for-each>
        <xsl:value-of select="', dont le coût reste à définir.'"/>
      </xsl:if>
    </d:caption>
  </xsl:template>

  <!-- Cells: number of actions, by priority ($priorities: t:p), by horizon ($horizons: t:h),
       total cost. -->
  <xsl:template name="compare-counts">
    <xsl:param name="acts"/>
    <xsl:param name="priorities"/>
    <xsl:param name="horizons"/>
    <d:cell align="end"><xsl:value-of select="count($acts)"/></d:cell>
    <xsl:for-each select="$priorities">
      <d:cell align="end"><xsl:value-of select="count($acts[@priorite = current()/@v])"/></d:cell>
    </xsl:for-each>
    <xsl:for-each select="$horizons">
      <d:cell align="end"><xsl:value-of select="count($acts[@horizon = current()/@v])"/></d:cell>
    </xsl:for-each>
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
          <!-- the site is named in its first row: its other axes stay on that row's page -->
          <d:row>
            <xsl:if test="position() &gt; 1"><xsl:attribute name="keep">previous</xsl:attribute></xsl:if>
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

  <!-- ======================================================== one site
       A single site has nothing to be compared with: its figures are given without a column
       naming it, its counts in a sentence. -->

  <!-- "Le plan compte sept actions : trois de priorité 1 (essentielle), trois de priorité 2
       (importante) et une de priorité 3 (utile) ; quatre relèvent du court terme (engagées ou
       à lancer dans les deux ans), dont une déjà engagée, et trois du moyen terme (à lancer
       dans deux à cinq ans)." Counts in words as the rapport final writes them (t:words);
       two actions are "l'une …, l'autre …". Only the priorities and horizons the actions
       have; a horizon is not a status: an action under way ("en cours") is said engaged. -->
  <xsl:template name="one-site-plan">
    <xsl:param name="site"/>
    <xsl:variable name="acts" select="$site/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
    <xsl:variable name="n" select="count($acts)"/>
    <xsl:variable name="priorities-rtf">
      <xsl:call-template name="compare-priorities"><xsl:with-param name="sites" select="$site"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="priorities" select="exsl:node-set($priorities-rtf)/t:p"/>
    <xsl:variable name="horizons-rtf">
      <xsl:call-template name="compare-horizons"><xsl:with-param name="sites" select="$site"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="horizons" select="exsl:node-set($horizons-rtf)/t:h"/>
    <xsl:if test="$n &gt; 0">
      <d:p>
        <xsl:value-of select="concat('Le plan compte ', t:words($n, true()), t:plural($n, ' action', ' actions'))"/>
        <xsl:choose>
          <xsl:when test="count($priorities) = 1">
            <xsl:value-of select="concat(t:both($n, ', de priorité ', ', toutes deux de priorité ', ', toutes de priorité '),
                                         $priorities/@v, ' (', $priorities/@text, ')')"/>
          </xsl:when>
          <xsl:when test="$n = 2">
            <xsl:value-of select="concat(', l’une de priorité ', $priorities[1]/@v, ' (', $priorities[1]/@text,
                                         '), l’autre de priorité ', $priorities[2]/@v, ' (', $priorities[2]/@text, ')')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text> : </xsl:text>
            <xsl:for-each select="$priorities">
              <xsl:if test="position() &gt; 1">
                <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
              </xsl:if>
              <xsl:value-of select="concat(t:words(count($acts[@priorite = current()/@v]), true()), ' de priorité ', @v, ' (', @text, ')')"/>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:choose>
          <xsl:when test="count($horizons) = 1">
            <xsl:value-of select="concat(t:both($n, ', qui relève ', ' ; les deux relèvent ', ' ; toutes relèvent '),
                                         t:horizon-phrase($acts, $horizons))"/>
          </xsl:when>
          <xsl:when test="$n = 2">
            <xsl:value-of select="concat(' ; l’une relève ', t:horizon-phrase($acts[@horizon = $horizons[1]/@v], $horizons[1]),
                                         ', l’autre ', t:horizon-phrase($acts[@horizon = $horizons[2]/@v], $horizons[2]))"/>
          </xsl:when>
          <xsl:when test="$horizons">
            <xsl:text> ; </xsl:text>
            <xsl:for-each select="$horizons">
              <xsl:variable name="of" select="$acts[@horizon = current()/@v]"/>
              <xsl:choose>
                <xsl:when test="position() = 1">
                  <xsl:value-of select="concat(t:words(count($of), true()), t:plural(count($of), ' relève ', ' relèvent '))"/>
                </xsl:when>
                <xsl:when test="position() = last()"><xsl:value-of select="concat(', et ', t:words(count($of), true()), ' ')"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat(', ', t:words(count($of), true()), ' ')"/></xsl:otherwise>
              </xsl:choose>
              <xsl:value-of select="t:horizon-phrase($of, .)"/>
            </xsl:for-each>
          </xsl:when>
        </xsl:choose>
        <xsl:text>.</xsl:text>
      </d:p>
    </xsl:if>
  </xsl:template>

  <!-- $one for one, $two for two, $many beyond. -->
  <func:function name="t:both">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="two"/>
    <xsl:param name="many"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 1"><func:result select="$one"/></xsl:when>
      <xsl:when test="$n = 2"><func:result select="$two"/></xsl:when>
      <xsl:otherwise><func:result select="$many"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- What horizon $h (a t:h) means for $acts, the open actions on it: "du court terme (à
       lancer dans les deux ans)"; the horizon is when an action starts, so those already
       under way are said so: "(engagées ou à lancer dans les deux ans), dont une déjà
       engagée", "(déjà engagée)". $figures: counts in figures, as the rest of the sentence. -->
  <func:function name="t:horizon-phrase">
    <xsl:param name="acts"/>
    <xsl:param name="h"/>
    <xsl:param name="figures" select="false()"/>
    <xsl:variable name="k" select="count($acts)"/>
    <xsl:variable name="e" select="count($acts[@statut = 'en-cours'])"/>
    <xsl:variable name="head" select="concat('du ', $h/@v, ' terme (')"/>
    <xsl:choose>
      <xsl:when test="$e = 0">
        <func:result select="concat($head, 'à lancer ', $h/@span, ')')"/>
      </xsl:when>
      <xsl:when test="$e = $k">
        <func:result select="concat($head, t:plural($k, 'déjà engagée)', 'déjà engagées)'))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="count">
          <xsl:choose>
            <xsl:when test="$figures"><xsl:value-of select="lv:number($e)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="t:words($e, true())"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <func:result select="concat($head, 'engagées ou à lancer ', $h/@span, '), dont ', $count,
                                    t:plural($e, '&#160;déjà engagée', '&#160;déjà engagées'))"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The site's strategic axes with their cost, and the plan's when there are several. -->
  <xsl:template name="one-site-axes">
    <xsl:param name="site"/>
    <xsl:variable name="acts" select="$site/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
    <d:table cols="12 3">
      <d:head><d:cell>Axe stratégique</d:cell>
        <d:cell align="end"><xsl:value-of select="concat('Coût ', t:tax-of-actions($acts))"/></d:cell></d:head>
      <xsl:for-each select="$site/a:strategie/a:axe">
        <d:row>
          <d:cell><xsl:value-of select="concat(@numero, '. ')"/><xsl:apply-templates select="a:titre" mode="inline"/></d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount(sum(a:objectif/a:action[t:open(.)]/a:cout))"/></d:cell>
        </d:row>
      </xsl:for-each>
      <xsl:if test="count($site/a:strategie/a:axe) &gt; 1">
        <d:row type="total">
          <d:cell>Ensemble du plan</d:cell>
          <d:cell align="end"><xsl:value-of select="t:amount(sum($acts/a:cout))"/></d:cell>
        </d:row>
      </xsl:if>
    </d:table>
    <xsl:variable name="nocost" select="$acts[not(a:cout)]"/>
    <xsl:if test="$nocost">
      <d:caption>
        <xsl:value-of select="t:plural(count($nocost), 'L’action ', 'Les actions ')"/>
        <xsl:for-each select="$nocost">
          <xsl:if test="position() &gt; 1">
            <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
          </xsl:if>
          <xsl:value-of select="@numero"/>
        </xsl:for-each>
        <xsl:value-of select="t:plural(count($nocost), ', dont le coût reste à définir, n’est pas comptée.',
                                                       ', dont le coût reste à définir, ne sont pas comptées.')"/>
      </d:caption>
    </xsl:if>
  </xsl:template>

  <!-- Cost of each site's plan, split by horizon (the only split common to every site),
       one series per horizon in use. A single site's plan is said in a sentence: a chart of
       one bar compares nothing. -->
  <xsl:template name="compare-budget-chart">
    <xsl:param name="sites"/>
    <xsl:variable name="horizons-rtf">
      <xsl:call-template name="compare-horizons"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="horizons" select="exsl:node-set($horizons-rtf)/t:h"/>
    <xsl:variable name="all" select="$sites/a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
    <xsl:choose>
      <xsl:when test="count($sites) = 1">
        <d:p>
          <xsl:value-of select="concat('Le coût estimé du plan, ', t:amount(sum($all/a:cout)), ', ')"/>
          <xsl:choose>
            <xsl:when test="count($horizons) = 1">
              <xsl:value-of select="concat('porte tout entier sur des actions du ', $horizons/@v, ' terme.')"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>se répartit ainsi selon l’horizon des actions : </xsl:text>
              <xsl:for-each select="$horizons">
                <xsl:variable name="part" select="sum($all[@horizon = current()/@v]/a:cout)"/>
                <xsl:if test="position() &gt; 1">
                  <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
                </xsl:if>
                <xsl:value-of select="concat(t:amount($part), ' à ', @v, ' terme (', t:percent($part, sum($all/a:cout)), ')')"/>
              </xsl:for-each>
              <xsl:text>.</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </d:p>
      </xsl:when>
      <xsl:otherwise>
        <d:stacked caption="Coût estimé des plans d’actions par site, réparti selon l’horizon de lancement des actions">
          <xsl:for-each select="$horizons">
            <d:series label="{t:label('horizon', @v)}"/>
          </xsl:for-each>
          <xsl:for-each select="$sites">
            <xsl:variable name="acts" select="a:strategie/a:axe/a:objectif/a:action[t:open(.)]"/>
            <d:bar text="{t:amount(sum($acts/a:cout))}">
              <xsl:attribute name="label"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:attribute>
              <xsl:for-each select="$horizons">
                <d:seg value="{sum($acts[@horizon = current()/@v]/a:cout)}"/>
              </xsl:for-each>
            </d:bar>
          </xsl:for-each>
        </d:stacked>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
