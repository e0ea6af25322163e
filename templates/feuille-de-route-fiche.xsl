<?xml version="1.0" encoding="UTF-8"?>
<!--
  The fiche action of the feuille de route: a block with a coloured header band and a
  label/value table holding every field of the source's <action>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    exclude-result-prefixes="a d lv t">

  <xsl:template match="a:action" mode="fiche">
    <d:fiche id="{t:action-id(.)}"
             tag="{concat('Priorité ', @priorite, ' · ', t:label('horizon', @horizon))}">
      <xsl:attribute name="title">
        <xsl:value-of select="concat('Action ', @numero, ' — ')"/>
        <xsl:apply-templates select="a:titre" mode="plain"/>
      </xsl:attribute>
      <d:field label="Objectif">
        <xsl:value-of select="concat(../@numero, ' — ')"/>
        <xsl:apply-templates select="../a:titre" mode="inline"/>
      </d:field>
      <d:field label="Description"><xsl:apply-templates select="a:description" mode="prose"/></d:field>
      <d:field label="Porteur"><xsl:apply-templates select="a:porteur" mode="name"/></d:field>
      <xsl:if test="a:partenaires">
        <d:field label="Partenaires">
          <xsl:call-template name="comma-list">
            <xsl:with-param name="nodes" select="a:partenaires/a:partenaire"/>
            <xsl:with-param name="names" select="true()"/>
          </xsl:call-template>
        </d:field>
      </xsl:if>
      <d:field label="Calendrier"><xsl:apply-templates select="." mode="fiche-calendar"/></d:field>
      <d:field label="Statut"><xsl:value-of select="t:label('statut', @statut)"/></d:field>
      <!-- "à définir" beside its label, not "coût à définir" again -->
      <d:field label="Coût estimé">
        <xsl:choose>
          <xsl:when test="a:cout"><xsl:value-of select="concat(t:amount(a:cout), ' ', t:tax(.))"/></xsl:when>
          <xsl:otherwise>à définir</xsl:otherwise>
        </xsl:choose>
      </d:field>
      <xsl:choose>
        <xsl:when test="a:cout or a:financements">
          <d:field label="Financements">
            <xsl:call-template name="fin-fiche"><xsl:with-param name="action" select="."/></xsl:call-template>
          </d:field>
        </xsl:when>
        <!-- no cost, no money yet: said, so that the fiche does not look unfinished -->
        <xsl:otherwise><d:field label="Financements">à définir avec le coût</d:field></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="a:etudes" mode="fiche-list"><xsl:with-param name="label" select="'Études complémentaires'"/></xsl:apply-templates>
      <xsl:apply-templates select="a:outils" mode="fiche-list"><xsl:with-param name="label" select="'Outils et procédures'"/></xsl:apply-templates>
      <xsl:apply-templates select="a:indicateurs" mode="fiche-list"><xsl:with-param name="label" select="'Indicateurs de suivi'"/></xsl:apply-templates>
    </d:fiche>
  </xsl:template>

  <!-- "Court terme — à partir de 2026, sur 24 mois" -->
  <xsl:template match="a:action" mode="fiche-calendar">
    <xsl:value-of select="t:label('horizon', @horizon)"/>
    <xsl:if test="@debut"><xsl:value-of select="concat(' — à partir de ', @debut)"/></xsl:if>
    <xsl:if test="@duree"><xsl:value-of select="concat(', sur ', @duree, '&#160;mois')"/></xsl:if>
  </xsl:template>

  <!-- Financing lines (their sums by state follow, common/financing.xsl). -->
  <xsl:template match="a:financements" mode="fiche">
    <d:list>
      <xsl:for-each select="a:ligne">
        <d:item>
          <!-- "État, Fonds vert (recyclage foncier) : 600 000 € (sollicité)": the scheme
               beside its funder, so that its own parentheses never nest in the state's -->
          <!-- "Emprunt (Collectif citoyen…, emprunt bancaire) : …": a loan, own funds or a
               land carrying said as such, never as a funder's aid -->
          <xsl:variable name="kind" select="t:funding-kind(.)"/>
          <xsl:variable name="funder" select="lv:typo(normalize-space(@financeur))"/>
          <xsl:variable name="scheme" select="lv:typo(normalize-space(@dispositif))"/>
          <xsl:variable name="who">
            <xsl:choose>
              <!-- a scheme that repeats its funder ("Communes", "communes volontaires") says
                   it alone: "Communes volontaires" -->
              <xsl:when test="@dispositif and starts-with(t:lower($scheme), t:lower($funder))">
                <xsl:value-of select="t:capitalize($scheme)"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$funder"/>
                <xsl:if test="@dispositif and translate(@dispositif, 'P', 'p') != translate(t:label('fonds-ligne', $kind), 'P', 'p')">
                  <xsl:value-of select="concat(', ', $scheme)"/>
                </xsl:if>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <!-- the funder's name never hyphenated nor cut at its hyphens, the amount and its
               state on one line: "130 000 € / (acquis)" and "(à recher-/cher)" read badly -->
          <xsl:if test="$kind != 'subvention'"><xsl:value-of select="concat(t:label('fonds-ligne', $kind), ' (')"/></xsl:if>
          <xsl:call-template name="proper-name"><xsl:with-param name="s" select="$who"/></xsl:call-template>
          <xsl:if test="$kind != 'subvention'">)</xsl:if>
          <xsl:text> : </xsl:text>
          <d:whole>
            <xsl:value-of select="concat(t:amount(@montant), ' (')"/>
            <!-- The state always: a line without etat counts as sollicité (financing.xsl).
                 A porteur's own funds not yet acquired are not sought from anyone: they are
                 still to be voted in its budget (counted as à rechercher in the tables). -->
            <xsl:choose>
              <xsl:when test="$kind = 'autofinancement' and @etat = 'a-rechercher'">
                <xsl:value-of select="t:label('etat-propre', 'a-rechercher')"/>
              </xsl:when>
              <xsl:when test="@etat"><xsl:value-of select="t:label('etat', @etat)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="t:label('etat', 'sollicite')"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>)</xsl:text>
          </d:whole>
        </d:item>
      </xsl:for-each>
    </d:list>
  </xsl:template>

  <xsl:template match="*" mode="fiche-list">
    <xsl:param name="label"/>
    <d:field label="{$label}">
      <xsl:call-template name="bullets"><xsl:with-param name="nodes" select="*"/></xsl:call-template>
    </d:field>
  </xsl:template>

</xsl:stylesheet>
