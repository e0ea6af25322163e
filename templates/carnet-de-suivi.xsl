<?xml version="1.0" encoding="UTF-8"?>
<!--
  Carnet de suivi (per site, a working document until every session is held): one chapter
  per session held so far
  (tenue="oui"), in date order: agenda, participants,
  site visits, minutes, proposals. Cumulative: rebuilt after each session.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    exclude-result-prefixes="a d lv t">

  <xsl:import href="common/document.xsl"/>

  <!-- Participant roles, in the order the tables list them. -->
  <xsl:variable name="role-order" select="'elu technicien etat equipe partenaire habitant expert'"/>

  <xsl:variable name="carnet-date" select="t:deliverable-date('carnet-de-suivi', $atelier, $the-site)"/>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Carnet de suivi'"/>
      <xsl:with-param name="kind" select="'carnet-de-suivi'"/>
      <!-- a working document while a session is still to hold; complete once each is held
           or, its date passed, known not to be -->
      <xsl:with-param name="draft" select="boolean($the-site/a:seances/a:seance[not(t:held(.)) and not(t:missed(., $carnet-date))])"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, carnet de suivi, séances'"/>
      <xsl:with-param name="body">
        <xsl:call-template name="cds-progress"/>
        <xsl:for-each select="$the-site/a:seances/a:seance[t:held(.)]">
          <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
          <xsl:apply-templates select="." mode="cds"/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Where the atelier stands: every session, held or to come. -->
  <xsl:template name="cds-progress">
    <d:section title="Avancement de l’atelier">
      <!-- Dated by the last session held (common/dates.xsl), not by the build. -->
      <xsl:variable name="held" select="count($the-site/a:seances/a:seance[t:held(.)])"/>
      <xsl:variable name="planned" select="count($the-site/a:seances/a:seance)"/>
      <d:p>
        <xsl:value-of select="concat('État au ', lv:date(t:deliverable-date('carnet-de-suivi', $atelier, $the-site)), ' : ')"/>
        <xsl:choose>
          <xsl:when test="$held = 0">
            <xsl:value-of select="t:plural($planned, 'la séance prévue n’a pas encore eu lieu.',
                concat('aucune des ', t:words($planned, true()), ' séances prévues n’a encore eu lieu.'))"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- numbers in words, as running text writes them: "trois séances tenues sur trois" -->
            <xsl:value-of select="concat(t:words($held, true()), t:plural($held, ' séance tenue sur ', ' séances tenues sur '),
                t:words($planned, true()), t:plural($planned, ' prévue.', ' prévues.'))"/>
          </xsl:otherwise>
        </xsl:choose>
      </d:p>
      <d:table cols="1 3 3 4 2">
        <d:head><d:cell>N°</d:cell><d:cell>Date</d:cell><d:cell>Objet</d:cell><d:cell>Lieu</d:cell><d:cell>État</d:cell></d:head>
        <xsl:for-each select="$the-site/a:seances/a:seance">
          <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
          <d:row>
            <d:cell><xsl:value-of select="@numero"/></d:cell>
            <!-- every day of a two-day session: "2 et 3 avril 2025" -->
            <d:cell><xsl:value-of select="t:period(@date, @fin)"/></d:cell>
            <d:cell><xsl:value-of select="t:label('seance', @type)"/></d:cell>
            <d:cell><xsl:value-of select="lv:typo(normalize-space(@lieu))"/></d:cell>
            <d:cell>
              <xsl:choose>
                <xsl:when test="t:held(.)">Tenue</xsl:when>
                <xsl:when test="t:missed(., $carnet-date)">Non tenue</xsl:when>
                <xsl:otherwise>À venir</xsl:otherwise>
              </xsl:choose>
            </d:cell>
          </d:row>
        </xsl:for-each>
      </d:table>
      <xsl:call-template name="calendar-chart">
          <xsl:with-param name="as-of" select="t:deliverable-date('carnet-de-suivi', $atelier, $the-site)"/>
        </xsl:call-template>
      <!-- A session not held has no chapter of its own: a section here, listed in the
           contents (« Séance 3 — non tenue »), tells the reader who looks for it where it is
           dealt with. -->
      <xsl:variable name="missed" select="$the-site/a:seances/a:seance[a:annulation][t:missed(., $carnet-date)]"/>
      <xsl:if test="$missed">
        <d:section>
          <xsl:attribute name="title">
            <xsl:value-of select="t:plural(count($missed), 'Séance ', 'Séances ')"/>
            <xsl:for-each select="$missed">
              <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
              <xsl:if test="position() &gt; 1 and position() = last()"> et </xsl:if>
              <xsl:if test="position() &gt; 1 and position() &lt; last()">, </xsl:if>
              <xsl:value-of select="@numero"/>
            </xsl:for-each>
            <xsl:value-of select="t:plural(count($missed), ' — non tenue', ' — non tenues')"/>
          </xsl:attribute>
          <xsl:call-template name="missed-sessions">
            <xsl:with-param name="seances" select="$missed"/>
            <xsl:with-param name="as-of" select="$carnet-date"/>
          </xsl:call-template>
        </d:section>
      </xsl:if>
    </d:section>
  </xsl:template>

  <!-- One session: a chapter. -->
  <xsl:template match="a:seance" mode="cds">
    <d:section short="Séance {@numero}">
      <xsl:attribute name="title">
        <xsl:value-of select="concat('Séance ', @numero, ' — ')"/>
        <xsl:choose>
          <xsl:when test="a:titre"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="t:label('seance', @type)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <d:box>
        <d:p>
          <d:strong>
            <!-- "Le 1er octobre 2025", "Les 2 et 3 avril 2025", "Du 2 au 5 avril 2025" -->
            <xsl:variable name="period" select="t:period(@date, @fin)"/>
            <xsl:choose>
              <xsl:when test="starts-with($period, 'du ')"><xsl:value-of select="concat('D', substring($period, 2))"/></xsl:when>
              <xsl:when test="contains($period, ' et ')"><xsl:value-of select="concat('Les ', $period)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat('Le ', $period)"/></xsl:otherwise>
            </xsl:choose>
          </d:strong>
          <xsl:value-of select="concat(', ', lv:typo(normalize-space(@lieu)))"/>
        </d:p>
      </d:box>
      <xsl:apply-templates select="a:deroule" mode="cds"/>
      <xsl:apply-templates select="a:participants" mode="cds"/>
      <xsl:apply-templates select="a:visites" mode="cds"/>
      <xsl:apply-templates select="a:compte-rendu" mode="cds"/>
      <xsl:apply-templates select="a:propositions" mode="cds"/>
    </d:section>
  </xsl:template>

  <!-- Agenda: time / topic / speaker. -->
  <xsl:template match="a:deroule" mode="cds">
    <d:section title="Déroulé">
      <xsl:call-template name="agenda-table"><xsl:with-param name="points" select="a:point"/></xsl:call-template>
    </d:section>
  </xsl:template>

  <!-- Participants grouped by role (fixed order, then any other role). -->
  <xsl:template match="a:participants" mode="cds">
    <xsl:variable name="all" select="a:participant"/>
    <d:section title="Participants">
      <d:p><xsl:value-of select="concat(t:capitalize(t:words(count($all))), t:plural(count($all), ' participant.', ' participants.'))"/></d:p>
      <!-- a short list of participants stays on one page (four names split 2 + 2, r11) -->
      <d:table cols="4 6 4">
        <xsl:if test="count($all) &lt;= 6"><xsl:attribute name="keep">whole</xsl:attribute></xsl:if>
        <d:head><d:cell>Nom</d:cell><d:cell>Structure</d:cell><d:cell>Fonction</d:cell></d:head>
        <xsl:call-template name="cds-role-rows">
          <xsl:with-param name="all" select="$all"/>
          <xsl:with-param name="roles" select="concat($role-order, ' ')"/>
        </xsl:call-template>
      </d:table>
    </d:section>
  </xsl:template>

  <xsl:template name="cds-role-rows">
    <xsl:param name="all"/>
    <xsl:param name="roles"/>
    <xsl:if test="$roles != ''">
      <xsl:variable name="role" select="substring-before($roles, ' ')"/>
      <xsl:variable name="people" select="$all[@role = $role]"/>
      <xsl:if test="$people">
        <d:row type="group">
          <d:cell><xsl:value-of select="concat(t:plural(count($people), t:label('role1', $role), t:label('role', $role)), ' (', count($people), ')')"/></d:cell>
        </d:row>
        <xsl:for-each select="$people">
          <d:row>
            <d:cell><xsl:apply-templates select="." mode="plain"/></d:cell>
            <d:cell><xsl:value-of select="lv:typo(normalize-space(@structure))"/></d:cell>
            <d:cell><xsl:value-of select="lv:typo(normalize-space(@fonction))"/></d:cell>
          </d:row>
        </xsl:for-each>
      </xsl:if>
      <xsl:call-template name="cds-role-rows">
        <xsl:with-param name="all" select="$all"/>
        <xsl:with-param name="roles" select="substring-after($roles, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:visites" mode="cds">
    <!-- one visit is "Visite du site", never a plural over one place -->
    <d:section title="{t:plural(count(a:visite), 'Visite du site', 'Visites de site')}">
      <xsl:for-each select="a:visite">
        <d:label>
          <xsl:value-of select="lv:typo(normalize-space(@lieu))"/>
          <xsl:if test="@heure"><xsl:value-of select="concat(' — ', t:time(@heure))"/></xsl:if>
        </d:label>
        <xsl:apply-templates select="." mode="prose"/>
      </xsl:for-each>
    </d:section>
  </xsl:template>

  <!-- Minutes: agreements, points to deepen, disagreements, decisions. -->
  <xsl:template match="a:compte-rendu" mode="cds">
    <d:section title="Compte rendu">
      <xsl:apply-templates select="a:accords" mode="cds-points"><xsl:with-param name="label" select="'Points d’accord'"/></xsl:apply-templates>
      <xsl:apply-templates select="a:approfondir" mode="cds-points"><xsl:with-param name="label" select="'Points à approfondir'"/></xsl:apply-templates>
      <xsl:apply-templates select="a:desaccords" mode="cds-points"><xsl:with-param name="label" select="'Désaccords'"/></xsl:apply-templates>
      <xsl:apply-templates select="a:decisions" mode="cds-points"><xsl:with-param name="label" select="'Décisions'"/></xsl:apply-templates>
    </d:section>
  </xsl:template>

  <!-- The points of the minutes are sentences of a record: each ends with its full stop
       (the source may omit it, or end one with ? or !). -->
  <xsl:template match="*" mode="cds-points">
    <xsl:param name="label"/>
    <d:label><xsl:value-of select="$label"/></d:label>
    <d:list>
      <xsl:for-each select="a:point">
        <xsl:variable name="said" select="normalize-space(.)"/>
        <d:item>
          <!-- the last text without its trailing spaces: "du Pays." and not "du Pays ." -->
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test="position() = last() and self::text()">
                <xsl:if test="position() &gt; 1 and starts-with(translate(., '&#9;&#10;&#13;', '   '), ' ')">
                  <xsl:text> </xsl:text>
                </xsl:if>
                <xsl:value-of select="lv:typo(normalize-space(.))"/>
              </xsl:when>
              <xsl:otherwise><xsl:apply-templates select="." mode="text"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:if test="not(contains('.!?…', substring($said, string-length($said))))">.</xsl:if>
        </d:item>
      </xsl:for-each>
    </d:list>
  </xsl:template>

  <xsl:template match="a:propositions" mode="cds">
    <d:section title="Propositions">
      <d:list>
        <xsl:for-each select="a:proposition">
          <d:item>
            <xsl:apply-templates select="." mode="inline"/>
            <xsl:if test="@auteur"><d:em><xsl:value-of select="concat(' (', lv:typo(normalize-space(@auteur)), ')')"/></d:em></xsl:if>
          </d:item>
        </xsl:for-each>
      </d:list>
    </d:section>
  </xsl:template>

</xsl:stylesheet>
