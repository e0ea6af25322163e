<?xml version="1.0" encoding="UTF-8"?>
<!--
  Note de cadrage (per site): context, objectives, method and calendar, actors and
  governance, expected deliverables, financing of the atelier.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="a d lv t set">

  <xsl:import href="common/document.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="document">
      <xsl:with-param name="deliverable" select="'Note de cadrage'"/>
      <xsl:with-param name="kind" select="'note-de-cadrage'"/>
      <xsl:with-param name="keywords" select="'atelier des territoires, note de cadrage'"/>
      <xsl:with-param name="body">
        <xsl:call-template name="ndc-context"/>
        <xsl:call-template name="ndc-objectives"/>
        <xsl:call-template name="ndc-method"/>
        <xsl:call-template name="ndc-actors"/>
        <xsl:call-template name="ndc-deliverables"/>
        <xsl:call-template name="ndc-financing"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 1. Context: the atelier's, then the site's. The opening box says which site the note
       frames and what the atelier is about (the cover already gives the subtitle). -->
  <xsl:template name="ndc-context">
    <d:section title="Contexte">
      <d:box>
        <xsl:for-each select="$the-site">
          <d:p><d:strong><xsl:apply-templates select="." mode="sentence"/></d:strong></d:p>
        </xsl:for-each>
        <d:p><d:strong>Thème : </d:strong><xsl:apply-templates select="$atelier/a:theme" mode="inline"/></d:p>
      </d:box>
      <xsl:apply-templates select="$atelier/a:contexte" mode="prose"/>
      <xsl:for-each select="$the-site">
        <d:section title="Le site : {lv:typo(normalize-space(a:nom))}">
          <xsl:apply-templates select="a:presentation" mode="prose"/>
          <xsl:apply-templates select="." mode="identity-table"/>
          <xsl:apply-templates select="a:carte" mode="figure"/>
        </d:section>
      </xsl:for-each>
    </d:section>
  </xsl:template>

  <xsl:template name="ndc-objectives">
    <d:section title="Objectifs" break="auto">
      <xsl:apply-templates select="$atelier/a:objectifs" mode="prose"/>
    </d:section>
  </xsl:template>

  <!-- 3. Method and calendar (chart, then the dates as a table). -->
  <xsl:template name="ndc-method">
    <d:section title="Méthode et calendrier">
      <xsl:apply-templates select="$atelier/a:methode" mode="prose"/>
      <d:section title="Calendrier">
        <xsl:variable name="as-of" select="t:deliverable-date('note-de-cadrage', $atelier, $the-site)"/>
        <xsl:call-template name="calendar-chart">
          <xsl:with-param name="as-of" select="$as-of"/>
        </xsl:call-template>
        <xsl:call-template name="calendar-table">
          <xsl:with-param name="as-of" select="$as-of"/>
        </xsl:call-template>
        <!-- the table says it already when the calendar has the seminar as a step -->
        <xsl:apply-templates mode="ndc"
            select="$atelier/a:seminaire-final[not($atelier/a:calendrier/a:etape[@type = 'seminaire-final'])]"/>
      </d:section>
    </d:section>
  </xsl:template>

  <xsl:template match="a:seminaire-final" mode="ndc">
    <d:p>
      <xsl:text>Le séminaire final se tiendra le </xsl:text>
      <xsl:value-of select="lv:date(@date)"/>
      <xsl:if test="@lieu"><xsl:value-of select="concat(' (', lv:typo(normalize-space(@lieu)), ')')"/></xsl:if>
      <xsl:text>.</xsl:text>
    </d:p>
  </xsl:template>

  <!-- 4. Actors: steering, project team, local authorities, governance. -->
  <xsl:template name="ndc-actors">
    <d:section title="Acteurs et gouvernance">
      <d:section title="Pilotage">
        <d:p>
          <xsl:text>L’atelier est piloté par </xsl:text>
          <xsl:value-of select="t:service($atelier/a:pilotage/a:service[1])"/>
          <!-- with the site's own DDT(M), as the cover says -->
          <xsl:for-each select="$atelier/a:pilotage/a:service[position() &gt; 1]
                                [@departement = $the-site/a:departement/@code]">
            <xsl:value-of select="concat(t:plural(position(), ', avec ', ' et '), t:service(.))"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </d:p>
        <xsl:call-template name="people-table">
          <xsl:with-param name="people" select="$atelier/a:pilotage/a:personne"/>
        </xsl:call-template>
      </d:section>
      <d:section title="Équipe de conception">
        <d:table cols="2 5 3 2">
          <d:head><d:cell>Rôle</d:cell><d:cell>Structure</d:cell><d:cell>Spécialités</d:cell><d:cell>Ville</d:cell></d:head>
          <xsl:for-each select="$atelier/a:equipe/*">
            <d:row>
              <d:cell><xsl:value-of select="substring('MandataireCotraitant', 1 + 10 * boolean(self::a:cotraitant), 10)"/></d:cell>
              <!-- the structure, then the people the source names in it -->
              <d:cell><d:strong><xsl:value-of select="lv:typo(normalize-space(@nom))"/></d:strong>
                <xsl:for-each select="a:personne">
                  <xsl:value-of select="concat(t:plural(position(), ' (', ' ; '), normalize-space(.))"/>
                  <xsl:if test="@role"><xsl:value-of select="concat(', ', lv:typo(normalize-space(@role)))"/></xsl:if>
                  <xsl:if test="position() = last()">)</xsl:if>
                </xsl:for-each>
              </d:cell>
              <d:cell><xsl:value-of select="lv:typo(normalize-space(@specialites))"/></d:cell>
              <d:cell><xsl:value-of select="normalize-space(@ville)"/></d:cell>
            </d:row>
          </xsl:for-each>
        </d:table>
      </d:section>
      <xsl:call-template name="ndc-local-authorities"/>
      <!-- The site's <gouvernance> steers the feuille de route, written at the end of the
           atelier: a note dated at its start cannot show it, only announce it. -->
      <d:section title="Gouvernance">
        <d:p>
          <xsl:text>Le pilotage décrit ci-dessus conduit l’atelier jusqu’</xsl:text>
          <!-- an atelier flash ends with its restitution, without a regional seminar -->
          <xsl:choose>
            <xsl:when test="$atelier/a:seminaire-final or $atelier/a:calendrier/a:etape[@type = 'seminaire-final']">au séminaire final</xsl:when>
            <xsl:otherwise>à son terme</xsl:otherwise>
          </xsl:choose>
          <xsl:text>. La
          gouvernance de la mise en œuvre (instances, porteurs, suivi) sera définie avec les
          élus pendant l’atelier et présentée dans la feuille de route.</xsl:text>
        </d:p>
      </d:section>
    </d:section>
  </xsl:template>

  <!-- People with their role and service. -->
  <xsl:template name="people-table">
    <xsl:param name="people"/>
    <xsl:if test="$people">
      <d:table cols="3 3 4">
        <d:head><d:cell>Nom</d:cell><d:cell>Rôle</d:cell><d:cell>Service</d:cell></d:head>
        <xsl:for-each select="$people">
          <d:row>
            <d:cell><xsl:apply-templates select="." mode="plain"/></d:cell>
            <d:cell><xsl:value-of select="lv:typo(normalize-space(@role))"/></d:cell>
            <d:cell><xsl:value-of select="lv:typo(normalize-space(@service))"/></d:cell>
          </d:row>
        </xsl:for-each>
      </d:table>
    </xsl:if>
  </xsl:template>

  <!-- The site's local authorities: the source's <collectivites>, else the structures of its
       elected and technical participants. -->
  <xsl:template name="ndc-local-authorities">
    <xsl:variable name="structures"
        select="set:distinct($the-site/a:seances/a:seance/a:participants/a:participant
                             [@role = 'elu' or @role = 'technicien']/@structure)"/>
    <xsl:if test="$the-site">
      <d:section title="Collectivités du site">
        <d:p keep="next">
          <!-- "Site retenu :" needs no article, whatever the nature and gender of the name -->
          <xsl:variable name="nature" select="t:label('nature', $the-site/@nature)"/>
          <xsl:text>Site retenu : </xsl:text>
          <xsl:apply-templates select="$the-site/a:nom" mode="inline"/>
          <xsl:text> (</xsl:text>
          <xsl:choose>
            <!-- an acronym (PETR) keeps its capitals; a noun (Commune) is lowercased -->
            <xsl:when test="translate(substring($nature, 2, 1), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = ''">
              <xsl:value-of select="$nature"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="concat(translate(substring($nature, 1, 1), 'CIPÉEMS', 'cipéems'), substring($nature, 2))"/>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:text>).</xsl:text>
        </d:p>
        <xsl:choose>
          <!-- the site itself is named just above -->
          <xsl:when test="$the-site/a:collectivites">
            <xsl:variable name="others" select="$the-site/a:collectivites/a:collectivite
                                                [normalize-space(.) != normalize-space($the-site/a:nom)]"/>
            <xsl:if test="$others">
            <d:p keep="next">Collectivités concernées :</d:p>
            <d:list>
              <xsl:for-each select="$others">
                <d:item><xsl:value-of select="lv:typo(normalize-space(.))"/></d:item>
              </xsl:for-each>
            </d:list>
            </xsl:if>
          </xsl:when>
          <xsl:when test="$structures">
            <d:p keep="next">Collectivités et structures associées :</d:p>
            <d:list>
              <xsl:for-each select="$structures">
                <xsl:sort select="."/>
                <d:item><xsl:value-of select="lv:typo(normalize-space(.))"/></d:item>
              </xsl:for-each>
            </d:list>
          </xsl:when>
        </xsl:choose>
      </d:section>
    </xsl:if>
  </xsl:template>

  <!-- 5. Expected deliverables: the source's text, else the standard list. -->
  <xsl:template name="ndc-deliverables">
    <d:section title="Livrables attendus" break="auto">
      <xsl:choose>
        <xsl:when test="$atelier/a:livrables-attendus">
          <xsl:apply-templates select="$atelier/a:livrables-attendus" mode="prose"/>
        </xsl:when>
        <xsl:otherwise>
          <d:list>
            <d:item><d:strong>Carnet de suivi</d:strong>, mis à jour après chaque séance.</d:item>
            <!-- it announces only what the rapport will hold: recommendations when the site has some -->
            <d:item>
              <d:strong>Rapport final</d:strong>
              <xsl:choose>
                <xsl:when test="$the-site/a:recommandations"> : diagnostic, enjeux, stratégie et recommandations.</xsl:when>
                <xsl:otherwise> : diagnostic, enjeux et stratégie.</xsl:otherwise>
              </xsl:choose>
            </d:item>
            <d:item><d:strong>Feuille de route</d:strong> : plan d’actions, fiches actions et plan de financement.</d:item>
            <d:item><d:strong>Livret de capitalisation</d:strong> de l’atelier.</d:item>
          </d:list>
        </xsl:otherwise>
      </xsl:choose>
    </d:section>
  </xsl:template>

  <!-- 6. The atelier's own budget, with its total. -->
  <xsl:template name="ndc-financing">
    <xsl:variable name="lines" select="$atelier/a:financement/a:ligne"/>
    <xsl:if test="$lines">
      <d:section title="Financement de l’atelier" break="auto">
        <d:table cols="5 2 3">
          <d:head><d:cell>Financeur</d:cell><d:cell>Nature</d:cell><d:cell align="end">Montant</d:cell></d:head>
          <xsl:for-each select="$lines">
            <d:row>
              <d:cell>
                <xsl:value-of select="lv:typo(normalize-space(@financeur))"/>
                <xsl:if test="@objet"><xsl:value-of select="concat(' — ', lv:typo(normalize-space(@objet)))"/></xsl:if>
              </d:cell>
              <d:cell><xsl:value-of select="t:label('financement', @nature)"/></d:cell>
              <d:cell align="end"><xsl:value-of select="t:amount(@montant)"/></d:cell>
            </d:row>
          </xsl:for-each>
          <d:row type="total">
            <d:cell span="2">Total</d:cell>
            <d:cell align="end"><xsl:value-of select="t:amount(sum($lines/@montant))"/></d:cell>
          </d:row>
        </d:table>
      </d:section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
