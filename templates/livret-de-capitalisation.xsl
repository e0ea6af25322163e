<?xml version="1.0" encoding="UTF-8"?>
<!--
  Livret de capitalisation (atelier-wide, $site is empty): how the atelier went, its
  method, its lessons, and comparison tables between its sites with a budget chart.
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

  <xsl:variable name="sites" select="$atelier/a:site"/>
  <xsl:variable name="capi" select="$atelier/a:capitalisation"/>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Livret de capitalisation'"/>
      <xsl:with-param name="kind" select="'livret-de-capitalisation'"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, capitalisation, enseignements'"/>
      <!-- the cover names the atelier's territories; a single site's, with its local
           authorities as the other deliverables' covers give them -->
      <xsl:with-param name="collectivites">
        <xsl:variable name="one-rtf">
          <xsl:if test="count($sites) = 1"><xsl:apply-templates select="$sites" mode="collectivites"/></xsl:if>
        </xsl:variable>
        <xsl:variable name="one" select="exsl:node-set($one-rtf)/t:c"/>
        <xsl:for-each select="$one">
          <xsl:if test="position() &gt; 1"> · </xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
        <xsl:for-each select="$sites[not($one)]">
          <xsl:if test="position() &gt; 1"> · </xsl:if>
          <xsl:value-of select="lv:typo(normalize-space(a:nom))"/>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="body">
        <xsl:call-template name="ldc-atelier"/>
        <xsl:call-template name="ldc-course"/>
        <xsl:call-template name="ldc-method"/>
        <xsl:call-template name="ldc-comparison"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 1. The atelier in short. -->
  <xsl:template name="ldc-atelier">
    <d:section title="L’atelier">
      <d:box>
        <d:p><d:strong><xsl:value-of select="t:format-year($atelier)"/></d:strong>
          <xsl:text> — </xsl:text>
          <xsl:apply-templates select="$atelier/a:theme" mode="inline"/></d:p>
        <d:p>
          <xsl:choose>
            <!-- one site: what it is, where, how many live there -->
            <xsl:when test="count($sites) = 1">
              <xsl:apply-templates select="$sites" mode="sentence"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="concat(t:capitalize(t:words(count($sites))), ' sites : ')"/>
              <xsl:call-template name="comma-list"><xsl:with-param name="nodes" select="$sites/a:nom"/></xsl:call-template>
              <xsl:text>.</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </d:p>
      </d:box>
      <xsl:apply-templates select="$atelier/a:contexte" mode="prose"/>
      <d:section title="Objectifs">
        <xsl:apply-templates select="$atelier/a:objectifs" mode="prose"/>
      </d:section>
    </d:section>
  </xsl:template>

  <!-- 2. How it went: calendar and sessions of every site. -->
  <xsl:template name="ldc-course">
    <d:section title="Déroulement">
      <xsl:apply-templates select="$capi/a:deroulement" mode="prose"/>
      <d:section title="Calendrier">
        <xsl:call-template name="calendar-chart">
          <xsl:with-param name="as-of" select="t:deliverable-date('livret-de-capitalisation', $atelier, $the-site)"/>
        </xsl:call-template>
      </d:section>
      <d:section title="Séances">
        <xsl:variable name="livret-date" select="t:deliverable-date('livret-de-capitalisation', $atelier, $the-site)"/>
        <d:table cols="1 4 5 4 2">
          <d:head><d:cell>N°</d:cell><d:cell>Date</d:cell><d:cell>Objet</d:cell><d:cell>Lieu</d:cell><d:cell align="end">Participants</d:cell></d:head>
          <xsl:for-each select="$sites">
            <!-- one site needs no sub-heading: its places name it -->
            <xsl:if test="count($sites) &gt; 1">
              <d:row type="group"><d:cell><xsl:apply-templates select="a:nom" mode="inline"/></d:cell></d:row>
            </xsl:if>
            <xsl:for-each select="a:seances/a:seance">
              <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
              <d:row>
                <d:cell><xsl:value-of select="@numero"/></d:cell>
                <!-- A session not held is "non tenue" once the livret's date has passed it,
                     "prévue" before; its participants were only invited. -->
                <d:cell><xsl:value-of select="t:period(@date, @fin)"/>
                  <xsl:if test="not(t:held(.))">
                    <xsl:choose>
                      <xsl:when test="translate(@date, '-', '') &lt; translate($livret-date, '-', '')"> (non tenue)</xsl:when>
                      <xsl:otherwise> (prévue)</xsl:otherwise>
                    </xsl:choose>
                  </xsl:if></d:cell>
                <d:cell>
                  <xsl:choose>
                    <xsl:when test="a:titre"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="t:label('seance', @type)"/></xsl:otherwise>
                  </xsl:choose>
                </d:cell>
                <d:cell><xsl:value-of select="lv:typo(normalize-space(@lieu))"/></d:cell>
                <d:cell align="end">
                  <xsl:choose>
                    <xsl:when test="t:held(.)"><xsl:value-of select="count(a:participants/a:participant)"/></xsl:when>
                    <xsl:otherwise>—</xsl:otherwise>
                  </xsl:choose>
                </d:cell>
              </d:row>
            </xsl:for-each>
          </xsl:for-each>
        </d:table>
        <xsl:call-template name="missed-sessions">
          <xsl:with-param name="seances" select="$sites/a:seances/a:seance"/>
          <xsl:with-param name="as-of" select="$livret-date"/>
        </xsl:call-template>
      </d:section>
      <xsl:apply-templates select="$atelier/a:seminaire-final" mode="ldc">
        <xsl:with-param name="as-of" select="t:deliverable-date('livret-de-capitalisation', $atelier, $the-site)"/>
      </xsl:apply-templates>
    </d:section>
  </xsl:template>

  <!-- The final seminar the livret is often handed out at: its title, day and place (held
       from the livret's date on, to come before it), its presentation and programme. -->
  <xsl:template match="a:seminaire-final" mode="ldc">
    <xsl:param name="as-of"/>
    <xsl:variable name="day" select="translate(@date, '-', '')"/>
    <xsl:variable name="livret" select="translate($as-of, '-', '')"/>
    <d:section title="Séminaire final">
      <d:p>
        <xsl:text>Le séminaire final</xsl:text>
        <xsl:if test="a:titre">
          <xsl:text>, « </xsl:text><xsl:apply-templates select="a:titre" mode="plain"/><xsl:text> »,</xsl:text>
        </xsl:if>
        <!-- on the livret's own day, held: as its calendar draws it, and as a livret's
             method tells it (review r11: « se tient » beside a seminar drawn as held) -->
        <xsl:choose>
          <xsl:when test="$livret &gt;= $day"> s’est tenu le </xsl:when>
          <xsl:otherwise> se tiendra le </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="lv:date(@date)"/>
        <xsl:value-of select="concat(' (', lv:typo(normalize-space(@lieu)), ').')"/>
      </d:p>
      <xsl:apply-templates select="a:presentation" mode="prose"/>
      <d:label>Programme</d:label>
      <xsl:call-template name="agenda-table">
        <xsl:with-param name="points" select="a:programme/a:point"/>
      </xsl:call-template>
    </d:section>
  </xsl:template>

  <!-- 3. Method and lessons, one chapter: how the atelier worked (the capitalisation's
       method, else the atelier's), who did it and what it cost (from <equipe> and
       <financement>), then each lesson the atelier drew. -->
  <xsl:template name="ldc-method">
    <d:section title="Méthode">
      <xsl:if test="$capi/a:enseignements/a:enseignement">
        <xsl:attribute name="title">Méthode et enseignements</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$capi/a:methode"><xsl:apply-templates select="$capi/a:methode" mode="prose"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$atelier/a:methode" mode="prose"/></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="ldc-team-and-cost"/>
      <xsl:call-template name="ldc-lessons"/>
    </d:section>
  </xsl:template>

  <!-- The lessons: a list of titles over their paragraph when each is that short (as the
       dossier gives them), else a section each, its title in the table of contents. -->
  <xsl:template name="ldc-lessons">
    <xsl:variable name="lessons" select="$capi/a:enseignements/a:enseignement"/>
    <xsl:choose>
      <xsl:when test="not($lessons[count(*[not(self::a:titre)]) != 1 or not(a:p)])">
        <d:p keep="next">
          <xsl:value-of select="concat('L’atelier en retient ', t:words(count($lessons)),
                                       t:plural(count($lessons), ' enseignement :', ' enseignements :'))"/>
        </d:p>
        <d:list>
          <xsl:for-each select="$lessons">
            <d:item>
              <d:p keep="next"><d:strong><xsl:apply-templates select="a:titre" mode="inline"/></d:strong></d:p>
              <xsl:apply-templates select="." mode="prose"/>
            </d:item>
          </xsl:for-each>
        </d:list>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$lessons">
          <d:section>
            <xsl:attribute name="title"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:attribute>
            <xsl:apply-templates select="." mode="prose"/>
          </d:section>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "L’atelier a été conduit par Agence Territoires et Rivières (architecture, urbanisme),
       avec Géosols conseil (sites et sols pollués). Il a coûté 33 000 €, dont 30 000 €
       apportés par l’État (marché de l’équipe) et 3 000 € par la collectivité." -->
  <xsl:template name="ldc-team-and-cost">
    <xsl:variable name="lead" select="$atelier/a:equipe/a:mandataire"/>
    <xsl:variable name="others" select="$atelier/a:equipe/a:cotraitant"/>
    <xsl:variable name="lines" select="$atelier/a:financement/a:ligne"/>
    <xsl:if test="$lead or $lines">
      <d:p>
        <xsl:if test="$lead"><xsl:text>L’atelier a été conduit</xsl:text></xsl:if>
        <xsl:for-each select="$lead">
          <!-- "par l’Agence …" when the name's first word has a known gender, else "par l’équipe …" -->
          <xsl:variable name="name" select="lv:typo(normalize-space(@nom))"/>
          <xsl:variable name="first" select="t:lower(substring-before(concat($name, ' '), ' '))"/>
          <xsl:variable name="known" select="document('common/source.xsl')/*/t:genders/t:g[@w = $first]"/>
          <xsl:value-of select="t:plural(position(), ' par ', ' et ')"/>
          <xsl:choose>
            <xsl:when test="$known"><xsl:value-of select="concat(string($known), $name)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('l’équipe ', $name)"/></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@specialites"><xsl:value-of select="concat(' (', lv:typo(normalize-space(@specialites)), ')')"/></xsl:if>
        </xsl:for-each>
        <xsl:for-each select="$others">
          <xsl:choose>
            <xsl:when test="position() = 1">, avec </xsl:when>
            <xsl:when test="position() = last()"> et </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="lv:typo(normalize-space(@nom))"/>
          <xsl:if test="@specialites"><xsl:value-of select="concat(' (', lv:typo(normalize-space(@specialites)), ')')"/></xsl:if>
        </xsl:for-each>
        <xsl:if test="$lead"><xsl:text>. </xsl:text></xsl:if>
        <xsl:call-template name="ldc-cost">
          <xsl:with-param name="lines" select="$lines"/>
          <!-- "Il" after the sentence on the team, whose subject is the atelier -->
          <xsl:with-param name="subject">
            <xsl:choose><xsl:when test="$lead">Il</xsl:when><xsl:otherwise>L’atelier</xsl:otherwise></xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </d:p>
    </xsl:if>
  </xsl:template>

  <!-- What the atelier cost and who paid, apart from who conducted it, so that its cost is
       not read as the team's: "L’atelier a coûté 188 000 €, dont 165 000 € apportés par
       l’État (marché de l’équipe de conception : 150 000 € ; frais de séances : 15 000 €) et
       23 000 € par les collectivités." Each part by the lines' nature; the State's lines
       (the team's contract among them) said with what they pay for. -->
  <xsl:template name="ldc-cost">
    <xsl:param name="lines"/>
    <xsl:param name="subject" select="'L’atelier'"/>
    <xsl:variable name="state" select="$lines[@nature = 'etat']"/>
    <xsl:if test="$lines">
      <xsl:value-of select="concat($subject, ' a coûté ', t:amount(sum($lines/@montant)))"/>
      <xsl:if test="$state and $lines[not(@nature = 'etat')]">
        <xsl:value-of select="concat(', dont ', t:amount(sum($state/@montant)), ' apportés par l’État')"/>
        <xsl:choose>
          <xsl:when test="count($state) = 1 and $state/@objet">
            <xsl:value-of select="concat(' (', lv:typo(normalize-space($state/@objet)), ')')"/>
          </xsl:when>
          <xsl:when test="count($state) &gt; 1 and not($state[not(@objet)])">
            <xsl:text> (</xsl:text>
            <xsl:for-each select="$state">
              <xsl:if test="position() &gt; 1">&#8239;; </xsl:if>
              <xsl:value-of select="concat(lv:typo(normalize-space(@objet)), '&#160;: ', t:amount(@montant))"/>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
          </xsl:when>
        </xsl:choose>
        <xsl:variable name="local" select="$lines[@nature = 'local']"/>
        <xsl:variable name="other" select="$lines[@nature = 'autre']"/>
        <xsl:if test="$local">
          <xsl:value-of select="concat(t:plural(1 + count($other[1]), ' et ', ', '), t:amount(sum($local/@montant)),
              t:plural(count($local), ' par la collectivité', ' par les collectivités'))"/>
        </xsl:if>
        <xsl:if test="$other">
          <xsl:value-of select="concat(' et ', t:amount(sum($other/@montant)),
              t:plural(count($other), ' par un autre financeur', ' par d’autres financeurs'))"/>
        </xsl:if>
      </xsl:if>
      <xsl:text>.</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- A livret dated after the feuilles de route (at the final seminar) reprints their
       actions' statuts as they were: "Statuts des actions : état au 24 juin 2025, date de la
       feuille de route." Several sites of different dates: each named with its date. -->
  <xsl:template name="ldc-statuts-as-of">
    <xsl:variable name="livret" select="t:deliverable-date('livret-de-capitalisation', $sites/.., /..)"/>
    <xsl:variable name="dates-rtf">
      <xsl:for-each select="$sites">
        <t:d iso="{t:deliverable-date('feuille-de-route', .., .)}"><xsl:apply-templates select="a:nom" mode="plain"/></t:d>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="dates" select="exsl:node-set($dates-rtf)/t:d"/>
    <xsl:if test="$dates[number(translate(@iso, '-', '')) &lt; number(translate($livret, '-', ''))]">
      <d:p>
        <xsl:choose>
          <xsl:when test="not($dates[@iso != $dates[1]/@iso])">
            <xsl:value-of select="concat('Statuts des actions : état au ', lv:date($dates[1]/@iso),
                t:plural(count($dates), ', date de la feuille de route.', ', date des feuilles de route.'))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>Statuts des actions : état à la date de chaque feuille de route (</xsl:text>
            <xsl:for-each select="$dates">
              <xsl:if test="position() &gt; 1"> ; </xsl:if>
              <xsl:value-of select="concat(., ' : ', lv:date(@iso))"/>
            </xsl:for-each>
            <xsl:text>).</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </d:p>
    </xsl:if>
  </xsl:template>

  <!-- 5. Sites side by side: profiles, action plans, axes, budgets (common/compare.xsl). -->
  <xsl:template name="ldc-comparison">
    <!-- one site's figures, with nothing to compare them with: ldc-one-site -->
    <xsl:choose>
      <xsl:when test="count($sites) = 1"><xsl:call-template name="ldc-one-site"/></xsl:when>
      <xsl:otherwise>
        <d:section title="Comparaison des sites">
          <d:section title="Profils">
            <xsl:call-template name="compare-profiles"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
          </d:section>
          <d:section title="Plans d’actions">
            <xsl:call-template name="compare-plans"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
            <xsl:call-template name="ldc-statuts-as-of"/>
          </d:section>
          <d:section title="Axes stratégiques">
            <xsl:call-template name="compare-axes"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
          </d:section>
          <d:section title="Coût par horizon de lancement">
            <xsl:call-template name="compare-budget-chart"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
          </d:section>
          <d:section title="Financement des plans d’actions">
            <xsl:call-template name="fin-by-site"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
          </d:section>
          <xsl:call-template name="closed-actions">
            <xsl:with-param name="actions" select="$sites/a:strategie/a:axe/a:objectif/a:action"/>
            <xsl:with-param name="by-site" select="true()"/>
          </xsl:call-template>
        </d:section>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The site in figures: its profile, its plan (counts, cost by horizon, axes), its
       financing, its closed actions. -->
  <xsl:template name="ldc-one-site">
    <d:section title="Le site en chiffres">
      <d:section title="Profil">
        <xsl:apply-templates select="$sites" mode="identity-table">
          <xsl:with-param name="stakes" select="true()"/>
        </xsl:apply-templates>
      </d:section>
      <d:section title="Plan d’actions">
        <xsl:call-template name="one-site-plan"><xsl:with-param name="site" select="$sites"/></xsl:call-template>
        <xsl:call-template name="ldc-statuts-as-of"/>
        <xsl:call-template name="compare-budget-chart"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
        <xsl:call-template name="one-site-axes"><xsl:with-param name="site" select="$sites"/></xsl:call-template>
      </d:section>
      <d:section title="Financement du plan d’actions">
        <xsl:call-template name="fin-by-site"><xsl:with-param name="sites" select="$sites"/></xsl:call-template>
      </d:section>
      <xsl:call-template name="closed-actions">
        <xsl:with-param name="actions" select="$sites/a:strategie/a:axe/a:objectif/a:action"/>
        <xsl:with-param name="by-site" select="false()"/>
      </xsl:call-template>
    </d:section>
  </xsl:template>

</xsl:stylesheet>
