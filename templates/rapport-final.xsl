<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rapport final (per site): the site, diagnostic and stakes (dynamics, stakes by theme,
  strengths/weaknesses), strategy (vision, axes, objectives), recommendations, and a
  summary of the action plan.
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

  <!-- Stakes grouped by theme (Muenchian grouping), per site. -->
  <xsl:key name="enjeu-by-theme" match="a:enjeu" use="concat(ancestor::a:site/@id, '|', @theme)"/>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Rapport final'"/>
      <xsl:with-param name="kind" select="'rapport-final'"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, rapport final, diagnostic, stratégie'"/>
      <xsl:with-param name="body">
        <xsl:apply-templates select="$the-site" mode="rf-site"/>
        <xsl:apply-templates select="$the-site/a:diagnostic" mode="rf"/>
        <xsl:apply-templates select="$the-site/a:strategie" mode="rf"/>
        <xsl:apply-templates select="$the-site/a:recommandations" mode="rf"/>
        <xsl:apply-templates select="$the-site/a:strategie" mode="rf-plan"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="a:site" mode="rf-site">
    <d:section title="Le site et l’atelier">
      <xsl:apply-templates select="$atelier/a:contexte" mode="prose"/>
      <xsl:apply-templates select="a:presentation" mode="prose"/>
      <xsl:apply-templates select="." mode="identity-table"/>
      <xsl:apply-templates select="a:carte | a:photo" mode="figure"/>
      <xsl:call-template name="rf-sessions"/>
    </d:section>
  </xsl:template>

  <!-- How the feuille de route was built: the site's sessions, held or not by the report's
       date, with their participants. -->
  <!-- Who met, by participants' role, in the order a report names them. -->
  <t:rf-roles>
    <t:r role="elu">les élus</t:r><t:r role="etat">les services de l’État</t:r>
    <t:r role="equipe">l’équipe de conception</t:r><t:r role="technicien">les techniciens</t:r>
    <t:r role="partenaire">les partenaires</t:r><t:r role="habitant">des habitants</t:r>
    <t:r role="expert">des experts</t:r>
  </t:rf-roles>
  <xsl:template name="rf-sessions">
    <xsl:variable name="sessions" select="$the-site/a:seances/a:seance"/>
    <xsl:variable name="held" select="$sessions[t:held(.)]"/>
    <xsl:variable name="as-of" select="translate(t:deliverable-date('rapport-final', $atelier, $the-site), '-', '')"/>
    <xsl:if test="$sessions">
      <d:section title="Les séances de l’atelier">
        <d:p>
          <xsl:choose>
            <xsl:when test="count($held) = 0">Aucune séance ne s’est encore tenue sur le site.</xsl:when>
            <xsl:otherwise>
              <!-- who actually came (the roles of the participants of the sessions held), and
                   no "sur le site": a session may be held at the town hall -->
              <xsl:variable name="roles" select="$held/a:participants/a:participant/@role"/>
              <xsl:variable name="who-rtf">
                <xsl:for-each select="document('')/*/t:rf-roles/t:r[@role = $roles]">
                  <t:w><xsl:value-of select="."/></t:w>
                </xsl:for-each>
              </xsl:variable>
              <xsl:variable name="who" select="exsl:node-set($who-rtf)/t:w"/>
              <xsl:for-each select="$who">
                <xsl:if test="position() &gt; 1">
                  <xsl:choose><xsl:when test="position() = last()"> et </xsl:when><xsl:otherwise>, </xsl:otherwise></xsl:choose>
                </xsl:if>
                <xsl:choose>
                  <xsl:when test="position() = 1"><xsl:value-of select="t:capitalize(.)"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
              <xsl:value-of select="concat(' se sont réunis en ',
                  t:words(count($held), true()), t:plural(count($held), ' séance', ' séances'), '.')"/>
            </xsl:otherwise>
          </xsl:choose>
        </d:p>
        <d:list>
          <xsl:for-each select="$sessions">
            <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
            <d:item>
              <!-- "Séance 2 — « Quel avenir pour le site ? », le 25 mars 2025, …": named as
                   in every other calendar and table, its title quoted in the sentence -->
              <d:strong>
                <xsl:apply-templates select="." mode="calendar-label">
                  <xsl:with-param name="as-of" select="t:deliverable-date('rapport-final', $atelier, $the-site)"/>
                  <xsl:with-param name="quoted" select="true()"/>
                </xsl:apply-templates>
              </d:strong>
              <xsl:variable name="period" select="t:period(@date, @fin)"/>
              <xsl:choose>
                <xsl:when test="starts-with($period, 'du ')"><xsl:value-of select="concat(', ', $period)"/></xsl:when>
                <xsl:when test="contains($period, ' et ')"><xsl:value-of select="concat(', les ', $period)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat(', le ', $period)"/></xsl:otherwise>
              </xsl:choose>
              <xsl:choose>
                <xsl:when test="t:held(.)">
                  <xsl:variable name="n" select="count(a:participants/a:participant)"/>
                  <xsl:value-of select="concat(', ', lv:typo(normalize-space(@lieu)), ' : ', t:words($n), t:plural($n, '&#160;participant.', '&#160;participants.'))"/>
                </xsl:when>
                <xsl:when test="translate(concat(@fin, substring(@date, 1, 10 * not(@fin))), '-', '') &lt; $as-of">
                  <xsl:text> : séance prévue, non tenue.</xsl:text>
                  <!-- why, and how its decision was taken, when the source says it -->
                  <xsl:if test="a:annulation">
                    <xsl:text> </xsl:text><xsl:apply-templates select="a:annulation" mode="inline"/>
                  </xsl:if>
                </xsl:when>
                <xsl:otherwise> : séance à venir.</xsl:otherwise>
              </xsl:choose>
            </d:item>
          </xsl:for-each>
        </d:list>
      </d:section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ diagnostic -->
  <xsl:template match="a:diagnostic" mode="rf">
    <d:section title="Diagnostic et enjeux">
      <xsl:if test="a:dynamiques">
        <d:section title="Dynamiques territoriales">
          <xsl:apply-templates select="a:dynamiques" mode="prose"/>
        </d:section>
      </xsl:if>
      <xsl:if test="a:enjeux">
        <d:section title="Enjeux par thème">
          <xsl:variable name="stakes" select="a:enjeux/a:enjeu"/>
          <xsl:choose>
            <!-- one stake per theme, each a title only: one list, not a heading over a line -->
            <xsl:when test="not($stakes[*[not(self::a:titre)]])
                and not($stakes[@theme = preceding-sibling::a:enjeu/@theme])">
              <d:list>
                <xsl:for-each select="$stakes">
                  <d:item><d:strong><xsl:value-of select="t:capitalize(lv:typo(normalize-space(@theme)))"/></d:strong>
                    <xsl:text> — </xsl:text><xsl:apply-templates select="a:titre" mode="inline"/></d:item>
                </xsl:for-each>
              </d:list>
            </xsl:when>
            <xsl:otherwise>
          <!-- First stake of each theme, then every stake of that theme. -->
          <xsl:for-each select="a:enjeux/a:enjeu[generate-id() =
              generate-id(key('enjeu-by-theme', concat(ancestor::a:site/@id, '|', @theme))[1])]">
            <d:section title="{t:capitalize(lv:typo(normalize-space(@theme)))}">
              <!-- a stake without prose is a line of the list, not a lead line over nothing -->
              <d:list>
                <xsl:for-each select="key('enjeu-by-theme', concat(ancestor::a:site/@id, '|', @theme))">
                  <d:item>
                    <d:p><d:strong><xsl:apply-templates select="a:titre" mode="plain"/></d:strong></d:p>
                    <xsl:apply-templates select="." mode="prose"/>
                  </d:item>
                </xsl:for-each>
              </d:list>
            </d:section>
          </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </d:section>
      </xsl:if>
      <xsl:if test="a:atouts | a:faiblesses">
        <d:section title="Atouts et faiblesses">
          <xsl:call-template name="rf-swot"/>
        </d:section>
      </xsl:if>
    </d:section>
  </xsl:template>

  <!-- Strengths and weaknesses side by side, one pair per row. -->
  <xsl:template name="rf-swot">
    <xsl:variable name="atouts" select="a:atouts/a:item"/>
    <xsl:variable name="faiblesses" select="a:faiblesses/a:item"/>
    <xsl:variable name="longest" select="$atouts[count($atouts) &gt;= count($faiblesses)]
                                         | $faiblesses[count($faiblesses) &gt; count($atouts)]"/>
    <d:table cols="1 1">
      <d:head><d:cell>Atouts</d:cell><d:cell>Faiblesses</d:cell></d:head>
      <xsl:for-each select="$longest">
        <xsl:variable name="i" select="position()"/>
        <d:row>
          <d:cell><xsl:apply-templates select="$atouts[$i]" mode="inline"/></d:cell>
          <d:cell><xsl:apply-templates select="$faiblesses[$i]" mode="inline"/></d:cell>
        </d:row>
      </xsl:for-each>
    </d:table>
  </xsl:template>

  <!-- ============================================================ strategy -->
  <xsl:template match="a:strategie" mode="rf">
    <d:section title="Stratégie">
      <d:section title="Vision">
        <d:box><xsl:apply-templates select="a:vision" mode="prose"/></d:box>
      </d:section>
      <d:section title="Axes et objectifs">
        <xsl:for-each select="a:axe">
          <d:section>
            <xsl:attribute name="title"><xsl:apply-templates select="." mode="axis-title"/></xsl:attribute>
            <xsl:apply-templates select="." mode="prose"/>
            <!-- the objectives as a list: a run of bold lead lines alone would hold
                 together and push the whole part onto the next page -->
            <d:list>
              <xsl:for-each select="a:objectif">
                <d:item>
                  <d:p>
                    <d:strong>
                      <xsl:value-of select="concat('Objectif ', @numero, ' — ')"/>
                      <xsl:apply-templates select="a:titre" mode="plain"/>
                    </d:strong>
                  </d:p>
                  <xsl:apply-templates select="." mode="prose"/>
                </d:item>
              </xsl:for-each>
            </d:list>
          </d:section>
        </xsl:for-each>
      </d:section>
    </d:section>
  </xsl:template>

  <xsl:template match="a:recommandations" mode="rf">
    <d:section title="Recommandations">
      <xsl:for-each select="a:recommandation">
        <d:section>
          <xsl:attribute name="title"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:attribute>
          <xsl:apply-templates select="." mode="prose"/>
        </d:section>
      </xsl:for-each>
    </d:section>
  </xsl:template>

  <!-- ============================================================ plan summary -->
  <xsl:template match="a:strategie" mode="rf-plan">
    <d:section title="Synthèse du plan d’actions">
      <xsl:variable name="open" select="a:axe/a:objectif/a:action[t:open(.)]"/>
      <d:p>
        <!-- counts in words, as running text writes them: "sept actions réparties en deux axes" -->
        <xsl:value-of select="concat('Le plan d’actions compte ', t:words(count($open), true()),
            t:plural(count($open), ' action', ' actions'),
            t:plural(count(a:axe), ', sur un seul axe',
                concat(t:plural(count($open), ' répartie', ' réparties'), ' en ', t:words(count(a:axe)), ' axes')),
            ', pour un coût estimé de ', t:amount(sum($open/a:cout)))"/>
        <xsl:if test="$open[not(a:cout)]">
          <xsl:value-of select="concat(' (', t:words(count($open[not(a:cout)]), true()),
              t:plural(count($open[not(a:cout)]), ' action au coût à définir', ' actions au coût à définir'), ')')"/>
        </xsl:if>
        <xsl:text>. La feuille de route en détaille les fiches.</xsl:text>
      </d:p>
      <xsl:call-template name="plan-table">
        <xsl:with-param name="axes" select="a:axe"/>
      </xsl:call-template>
      <!-- a reader who misses a number in the table (1.1.3 between 1.1.2 and 2.1.1) is told
           where it went: "L'action 1.1.3, réalisée, n'y figure pas : elle est présentée en fin
           de chapitre." -->
      <xsl:variable name="closed" select="a:axe/a:objectif/a:action[not(t:open(.))]"/>
      <xsl:if test="$closed">
        <xsl:variable name="n" select="count($closed)"/>
        <xsl:variable name="states">
          <xsl:choose>
            <xsl:when test="not($closed[@statut = 'abandonnee'])"><xsl:value-of select="t:plural($n, 'réalisée', 'réalisées')"/></xsl:when>
            <xsl:when test="not($closed[@statut = 'realisee'])"><xsl:value-of select="t:plural($n, 'abandonnée', 'abandonnées')"/></xsl:when>
            <xsl:otherwise>réalisées ou abandonnées</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <d:p>
          <xsl:value-of select="t:plural($n, 'L’action ', 'Les actions ')"/>
          <xsl:for-each select="$closed">
            <xsl:choose>
              <xsl:when test="position() = 1"/>
              <xsl:when test="position() = last()"><xsl:text> et </xsl:text></xsl:when>
              <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="@numero"/>
          </xsl:for-each>
          <xsl:value-of select="concat(', ', $states, t:plural($n, ', n’y figure pas : elle est présentée',
              ', n’y figurent pas : elles sont présentées'), ' en fin de chapitre.')"/>
        </d:p>
      </xsl:if>
      <!-- what the plan has found of its cost, what it has asked for, what is still to find -->
      <xsl:if test="$open/a:cout">
        <d:section title="Financement du plan">
          <d:p keep="next">Les financements des actions, selon leur état : acquis, sollicités ou encore à rechercher.</d:p>
          <xsl:call-template name="fin-by-axis"><xsl:with-param name="s" select=".."/></xsl:call-template>
        </d:section>
      </xsl:if>
      <xsl:call-template name="closed-actions">
        <xsl:with-param name="actions" select="a:axe/a:objectif/a:action"/>
      </xsl:call-template>
    </d:section>
  </xsl:template>

</xsl:stylesheet>
