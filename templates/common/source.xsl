<?xml version="1.0" encoding="UTF-8"?>
<!--
  Reading the atelier source (pass 1): French labels for the enumerated values of the
  vocabulary, prose blocks, and pieces several deliverables share (calendar chart, site
  identity table, sessions held so far, amounts).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:func="http://exslt.org/functions"
    xmlns:exsl="http://exslt.org/common"
    xmlns:set="http://exslt.org/sets"
    xmlns:date="http://exslt.org/dates-and-times"
    extension-element-prefixes="func"
    exclude-result-prefixes="a d lv t func exsl set date">

  <!-- ============================================================ labels -->
  <!-- Each label table is a tiny XML island read with document(''): one place per value. -->
  <t:labels>
    <t:l k="horizon:court">Court terme</t:l>
    <t:l k="horizon:moyen">Moyen terme</t:l>
    <t:l k="horizon:long">Long terme</t:l>
    <t:l k="statut:a-lancer">À lancer</t:l>
    <t:l k="statut:en-cours">En cours</t:l>
    <t:l k="statut:realisee">Réalisée</t:l>
    <t:l k="statut:abandonnee">Abandonnée</t:l>
    <t:l k="etape:lancement">Lancement</t:l>
    <t:l k="etape:cadrage">Cadrage</t:l>
    <t:l k="etape:seance-1">Séance 1</t:l>
    <t:l k="etape:intersession-1">Intersession 1</t:l>
    <t:l k="etape:seance-2">Séance 2</t:l>
    <t:l k="etape:intersession-2">Intersession 2</t:l>
    <t:l k="etape:seance-3">Séance 3</t:l>
    <t:l k="etape:production">Production des livrables</t:l>
    <t:l k="etape:restitution">Restitution</t:l>
    <t:l k="etape:seminaire-final">Séminaire final</t:l>
    <t:l k="etape:autre">Étape</t:l>
    <t:l k="role:elu">Élus</t:l>
    <t:l k="role:technicien">Techniciens</t:l>
    <t:l k="role:etat">Services de l’État</t:l>
    <t:l k="role:equipe">Équipe de conception</t:l>
    <t:l k="role:partenaire">Partenaires</t:l>
    <t:l k="role:habitant">Habitants</t:l>
    <t:l k="role:expert">Experts</t:l>
    <!-- a group of one: « Technicien (1) », not « Techniciens (1) » -->
    <t:l k="role1:elu">Élu</t:l>
    <t:l k="role1:technicien">Technicien</t:l>
    <t:l k="role1:etat">Service de l’État</t:l>
    <t:l k="role1:equipe">Équipe de conception</t:l>
    <t:l k="role1:partenaire">Partenaire</t:l>
    <t:l k="role1:habitant">Habitant</t:l>
    <t:l k="role1:expert">Expert</t:l>
    <t:l k="nature:commune">Commune</t:l>
    <t:l k="nature:epci">Intercommunalité</t:l>
    <t:l k="nature:petr">PETR</t:l>
    <t:l k="nature:parc">Parc naturel régional</t:l>
    <t:l k="nature:pays">Pays</t:l>
    <t:l k="nature:scot">SCoT</t:l>
    <t:l k="nature:autre">Autre territoire</t:l>
    <t:l k="seance:diagnostic">Diagnostic</t:l>
    <t:l k="seance:strategie">Stratégie</t:l>
    <t:l k="seance:feuille-de-route">Feuille de route</t:l>
    <t:l k="seance:autre">Séance</t:l>
    <t:l k="etat:acquis">acquis</t:l>
    <t:l k="etat:sollicite">sollicité</t:l>
    <t:l k="etat:a-rechercher">à rechercher</t:l>
    <!-- a porteur's own share not yet acquired: to be voted in its budget -->
    <t:l k="etat-propre:a-rechercher">à rechercher : à inscrire à son budget</t:l>
    <t:l k="format:national">Session nationale</t:l>
    <t:l k="format:local">Atelier local</t:l>
    <t:l k="format:flash">Atelier flash</t:l>
    <!-- the nature of one financing line (note de cadrage): singular -->
    <t:l k="financement:etat">État</t:l>
    <t:l k="financement:local">Collectivité</t:l>
    <t:l k="financement:autre">Autre</t:l>
    <!-- a fiche's line: "Part du porteur (Région Occitanie) : 220 000 € (sollicité)" -->
    <t:l k="fonds-ligne:autofinancement">Part du porteur</t:l>
    <t:l k="fonds-ligne:emprunt">Emprunt</t:l>
    <t:l k="fonds-ligne:portage">Portage foncier</t:l>
    <!-- under a funder in the table by funder: "dont part du porteur : 220 000 €" -->
    <t:l k="fonds-dont:autofinancement">part du porteur</t:l>
    <t:l k="fonds-dont:emprunt">emprunt</t:l>
    <t:l k="fonds-dont:portage">portage foncier (avance à racheter)</t:l>
  </t:labels>
  <xsl:variable name="labels" select="document('')/*/t:labels/t:l"/>

  <!-- French label of an enumerated value: t:label('horizon', 'court') = "Court terme".
       Unknown values come back as they are. -->
  <func:function name="t:label">
    <xsl:param name="kind"/>
    <xsl:param name="value"/>
    <xsl:variable name="hit" select="$labels[@k = concat($kind, ':', $value)]"/>
    <xsl:choose>
      <xsl:when test="$hit"><func:result select="string($hit)"/></xsl:when>
      <xsl:otherwise><func:result select="string($value)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- An amount in euros, or a dash when there is none. -->
  <func:function name="t:amount">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="string(number($n)) = 'NaN'"><func:result select="'—'"/></xsl:when>
      <xsl:otherwise><func:result select="lv:amount(number($n))"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The FO id of an action's fiche. -->
  <func:function name="t:action-id">
    <xsl:param name="action"/>
    <!-- Always prefixed by the site id: the seminar dossier holds the fiches of several
         ateliers, whose own ids need not be unique between them. -->
    <xsl:choose>
      <xsl:when test="$action/@id">
        <func:result select="concat('action-', $action/ancestor::a:site/@id, '-', $action/@id)"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="concat('action-', $action/ancestor::a:site/@id, '-', $action/@numero)"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- "Mobilités" from "mobilités": first letter upper-cased (French letters included). -->
  <func:function name="t:capitalize">
    <xsl:param name="s"/>
    <func:result select="concat(translate(substring($s, 1, 1), 'abcdefghijklmnopqrstuvwxyzéèêàâîôûç',
        'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÔÛÇ'), substring($s, 2))"/>
  </func:function>

  <!-- $s in lower case (French capitals included). -->
  <func:function name="t:lower">
    <xsl:param name="s"/>
    <func:result select="translate($s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÔÛÇ', 'abcdefghijklmnopqrstuvwxyzéèêàâîôûç')"/>
  </func:function>

  <!-- "12,5 %": $part of $whole, one decimal at most. -->
  <func:function name="t:percent">
    <xsl:param name="part"/>
    <xsl:param name="whole"/>
    <xsl:choose>
      <xsl:when test="$whole &gt; 0">
        <func:result select="concat(lv:number(round($part * 1000 div $whole) div 10), '&#160;%')"/>
      </xsl:when>
      <xsl:otherwise><func:result select="'—'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- True when a session took place: the schema requires tenue, "oui" (held) or "non"
       (planned); the date is not consulted, a planned session may be late. -->
  <func:function name="t:held">
    <xsl:param name="seance"/>
    <func:result select="$seance/@tenue = 'oui'"/>
  </func:function>

  <!-- A count in words, as French style writes small numbers in running text ("quatre
       sites", "une région"): words up to twenty, figures beyond. $feminine: true() for
       "une". -->
  <t:numbers>un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt </t:numbers>
  <func:function name="t:words">
    <xsl:param name="n"/>
    <xsl:param name="feminine" select="false()"/>
    <xsl:variable name="list" select="string(document('')/*/t:numbers)"/>
    <xsl:choose>
      <xsl:when test="$n = 0 and $feminine"><func:result select="'aucune'"/></xsl:when>
      <xsl:when test="$n = 0"><func:result select="'aucun'"/></xsl:when>
      <xsl:when test="$n = 1 and $feminine"><func:result select="'une'"/></xsl:when>
      <xsl:when test="$n &gt;= 1 and $n &lt;= 20 and floor($n) = $n">
        <func:result select="t:nth-word($list, $n)"/>
      </xsl:when>
      <xsl:otherwise><func:result select="lv:number($n)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <!-- The $n-th word of a space-ended list. -->
  <func:function name="t:nth-word">
    <xsl:param name="list"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 1"><func:result select="substring-before($list, ' ')"/></xsl:when>
      <xsl:otherwise><func:result select="t:nth-word(substring-after($list, ' '), $n - 1)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- A steering service's name with its article, as running text needs it ("piloté par
       la DREAL Occitanie", "la DDT du Doubs"). The State's services of the vocabulary's
       types are all feminine (la DDT, la DDTM, la DREAL, la DEAL, la DRIEAT, la DGALN); for
       type="autre", the article comes from the name's first word; a name that already
       starts with an article, or one whose gender is unknown, is left as written. -->
  <t:genders>
    <t:g w="direction">la </t:g><t:g w="préfecture">la </t:g><t:g w="sous-préfecture">la </t:g>
    <t:g w="mission">la </t:g><t:g w="agence">l’</t:g><t:g w="région">la </t:g>
    <t:g w="communauté">la </t:g><t:g w="métropole">la </t:g><t:g w="commune">la </t:g>
    <t:g w="ville">la </t:g><t:g w="cerema">le </t:g><t:g w="conseil">le </t:g>
    <t:g w="ministère">le </t:g><t:g w="service">le </t:g><t:g w="secrétariat">le </t:g>
    <t:g w="commissariat">le </t:g><t:g w="syndicat">le </t:g><t:g w="pôle">le </t:g>
    <t:g w="parc">le </t:g><t:g w="département">le </t:g><t:g w="sgar">le </t:g>
    <t:g w="établissement">l’</t:g><t:g w="office">l’</t:g><t:g w="ademe">l’</t:g>
    <t:g w="anct">l’</t:g><t:g w="epf">l’</t:g><t:g w="atelier">l’</t:g>
  </t:genders>
  <func:function name="t:service">
    <xsl:param name="service"/>
    <xsl:variable name="name" select="lv:typo(normalize-space($service/@nom))"/>
    <xsl:variable name="first"
        select="translate(substring-before(concat($name, ' '), ' '),
                'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÔÛÇ', 'abcdefghijklmnopqrstuvwxyzéèêàâîôûç')"/>
    <xsl:variable name="known" select="document('')/*/t:genders/t:g[@w = $first]"/>
    <xsl:choose>
      <xsl:when test="$first = 'la' or $first = 'le' or $first = 'les' or starts-with($first, 'l’')">
        <func:result select="$name"/>
      </xsl:when>
      <xsl:when test="$service/@type != 'autre'"><func:result select="concat('la ', $name)"/></xsl:when>
      <xsl:when test="$known"><func:result select="concat(string($known), $name)"/></xsl:when>
      <xsl:otherwise><func:result select="$name"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- True when session $seance was not held and its (last) day is before ISO date $as-of:
       it is "non tenue", no longer "à venir". -->
  <func:function name="t:missed">
    <xsl:param name="seance"/>
    <xsl:param name="as-of"/>
    <xsl:variable name="last" select="translate(concat($seance/@fin, substring($seance/@date, 1, 10 * not($seance/@fin))), '-', '')"/>
    <func:result select="not(t:held($seance)) and $last &lt; translate($as-of, '-', '')"/>
  </func:function>

  <!-- Each session of $seances missed by $as-of, with why and what took its place when the
       source says it (annulation): "Séance 3 du 13 mai 2025, non tenue. …", one d:p each.
       Nothing for a missed session the source does not explain. -->
  <xsl:template name="missed-sessions">
    <xsl:param name="seances"/>
    <xsl:param name="as-of"/>
    <xsl:for-each select="$seances[a:annulation]">
      <xsl:sort select="translate(@date, '-', '')" data-type="number"/>
      <xsl:if test="t:missed(., $as-of)">
        <d:p>
          <d:strong><xsl:value-of select="concat('Séance ', @numero, ' du ', t:period(@date, @fin), ', non tenue.')"/></d:strong>
          <xsl:text> </xsl:text>
          <xsl:apply-templates select="a:annulation" mode="inline"/>
        </d:p>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- "Atelier flash 2025"; a national atelier is a session of the programme, not an
       "atelier national": "Session nationale 2025 de l’Atelier des territoires". -->
  <func:function name="t:format-year">
    <xsl:param name="atelier"/>
    <xsl:choose>
      <xsl:when test="$atelier/@format = 'national'">
        <func:result select="concat(t:label('format', 'national'), ' ', $atelier/@annee, ' de l’Atelier des territoires')"/>
      </xsl:when>
      <xsl:otherwise>
        <func:result select="concat(t:label('format', $atelier/@format), ' ', $atelier/@annee)"/>
      </xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- A name as running text needs it, with its article: "la communauté de communes des
       Vallées de l’Auzonne", "le pôle d’équilibre…", "l’atelier flash de Vernay-sur-Loue";
       a commune's bare name becomes "la commune de Castelvert-sur-Arrats". $name: the name
       as written (typography applied); $nature: the site's nature, or ''. Generic words
       (commune, communauté, pôle, atelier…) lose their capital, proper names keep theirs. -->
  <t:common-nouns> atelier commune communauté métropole pôle syndicat parc établissement </t:common-nouns>
  <func:function name="t:with-article">
    <xsl:param name="name"/>
    <xsl:param name="nature" select="''"/>
    <xsl:variable name="word" select="substring-before(concat($name, ' '), ' ')"/>
    <xsl:variable name="first"
        select="translate($word, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÔÛÇ', 'abcdefghijklmnopqrstuvwxyzéèêàâîôûç')"/>
    <xsl:variable name="known" select="document('')/*/t:genders/t:g[@w = $first]"/>
    <xsl:variable name="generic" select="contains(string(document('')/*/t:common-nouns), concat(' ', $first, ' '))"/>
    <xsl:choose>
      <xsl:when test="$known and $generic">
        <func:result select="concat(string($known), $first, substring($name, string-length($word) + 1))"/>
      </xsl:when>
      <xsl:when test="$known"><func:result select="concat(string($known), $name)"/></xsl:when>
      <xsl:when test="$nature = 'commune' and contains('AEIOUYHÉÈÊÂÎÔaeiouyh', substring($name, 1, 1))">
        <func:result select="concat('la commune d’', $name)"/>
      </xsl:when>
      <xsl:when test="$nature = 'commune'"><func:result select="concat('la commune de ', $name)"/></xsl:when>
      <xsl:otherwise><func:result select="$name"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- A name inside a sentence, without its article: its generic first word in lower case
       ("pôle d’équilibre territorial et rural du Pays des Garrigues hautes"), a proper
       name as it is. -->
  <func:function name="t:in-text">
    <xsl:param name="name"/>
    <xsl:variable name="word" select="substring-before(concat($name, ' '), ' ')"/>
    <xsl:variable name="first" select="t:lower($word)"/>
    <xsl:choose>
      <xsl:when test="contains(string(document('')/*/t:common-nouns), concat(' ', $first, ' '))">
        <func:result select="concat($first, substring($name, string-length($word) + 1))"/>
      </xsl:when>
      <xsl:otherwise><func:result select="$name"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- $one when $n is 0 or 1 (French usage), else $many. -->
  <func:function name="t:plural">
    <xsl:param name="n"/>
    <xsl:param name="one"/>
    <xsl:param name="many"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= 1"><func:result select="$one"/></xsl:when>
      <xsl:otherwise><func:result select="$many"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- "9 h 30" from "09:30" (French style: no leading zero, no-break spaces around h). -->
  <func:function name="t:time">
    <xsl:param name="hhmm"/>
    <func:result select="concat(number(substring-before($hhmm, ':')), '&#160;h&#160;',
                                substring-after($hhmm, ':'))"/>
  </func:function>

  <!-- "9 h 30" from a number of minutes since midnight. -->
  <func:function name="t:time-of">
    <xsl:param name="minutes"/>
    <func:result select="concat(floor($minutes div 60) mod 24, '&#160;h&#160;',
                                format-number($minutes mod 60, '00'))"/>
  </func:function>

  <!-- Minutes since midnight of "09:30". -->
  <func:function name="t:minutes">
    <xsl:param name="hhmm"/>
    <func:result select="60 * number(substring-before($hhmm, ':')) + number(substring-after($hhmm, ':'))"/>
  </func:function>

  <!-- ============================================================ prose -->
  <xsl:template match="a:liste" mode="text">
    <d:list><xsl:apply-templates select="a:item" mode="text"/></d:list>
  </xsl:template>
  <xsl:template match="a:item" mode="text">
    <d:item><xsl:apply-templates mode="text"/></d:item>
  </xsl:template>

  <!-- The blocks of a prose container (<contexte>, <description>...). -->
  <xsl:template match="*" mode="prose">
    <xsl:apply-templates select="a:p | a:liste" mode="text"/>
  </xsl:template>

  <!-- A list of inline elements (items, points, partners) as a bulleted list. -->
  <xsl:template name="bullets">
    <xsl:param name="nodes"/>
    <xsl:if test="$nodes">
      <d:list>
        <xsl:for-each select="$nodes">
          <d:item><xsl:apply-templates select="." mode="inline"/></d:item>
        </xsl:for-each>
      </d:list>
    </xsl:if>
  </xsl:template>

  <!-- A list of inline elements on one line, separated by commas; $names: each one a
       proper name (inline.xsl), for wide cells and running text. -->
  <xsl:template name="comma-list">
    <xsl:param name="nodes"/>
    <xsl:param name="names" select="false()"/>
    <xsl:for-each select="$nodes">
      <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
      <xsl:choose>
        <xsl:when test="$names"><xsl:apply-templates select="." mode="name"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="inline"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ shared pieces -->
  <!-- In a site's deliverables, the site's own session for a calendar step seance-N: its
       dates and place stand for the atelier's (sessions differ from site to site). Empty
       for other steps and for atelier-wide deliverables. -->
  <!-- The site whose sessions calendars show: the deliverable's, else the only site of a
       one-site atelier (its livret: the site's sessions are the atelier's, named as the
       note de cadrage and the carnet name them). -->
  <xsl:variable name="calendar-site" select="$the-site | $atelier[count($atelier) = 1][count(a:site) = 1]/a:site"/>

  <func:function name="t:site-session">
    <xsl:param name="etape"/>
    <func:result select="$calendar-site/a:seances/a:seance[starts-with($etape/@type, 'seance-')
                         and @numero = substring-after($etape/@type, 'seance-')]"/>
  </func:function>

  <!-- The dates of a step in a site's deliverables: an intersession runs from the day after the
       site's session before it to the day before its session after it (the sessions are the
       site's, so its intersessions are too, and never share a day with them); any other step
       keeps the atelier's dates. -->
  <func:function name="t:step-start">
    <xsl:param name="etape"/>
    <xsl:variable name="n" select="substring-after($etape/@type, 'intersession-')"/>
    <xsl:variable name="before" select="$calendar-site/a:seances/a:seance[$n != '' and @numero = $n]"/>
    <xsl:variable name="after" select="$calendar-site/a:seances/a:seance[$n != '' and @numero = $n + 1]"/>
    <xsl:choose>
      <xsl:when test="$before and $after and $before/@fin"><func:result select="date:add($before/@fin, 'P1D')"/></xsl:when>
      <xsl:when test="$before and $after"><func:result select="date:add($before/@date, 'P1D')"/></xsl:when>
      <xsl:otherwise><func:result select="string($etape/@debut)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>
  <func:function name="t:step-end">
    <xsl:param name="etape"/>
    <xsl:variable name="n" select="substring-after($etape/@type, 'intersession-')"/>
    <xsl:variable name="before" select="$calendar-site/a:seances/a:seance[$n != '' and @numero = $n]"/>
    <xsl:variable name="after" select="$calendar-site/a:seances/a:seance[$n != '' and @numero = $n + 1]"/>
    <xsl:choose>
      <xsl:when test="$before and $after"><func:result select="date:add($after/@date, '-P1D')"/></xsl:when>
      <xsl:when test="$etape/@fin"><func:result select="string($etape/@fin)"/></xsl:when>
      <xsl:otherwise><func:result select="string($etape/@debut)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- A site's session as calendars and tables name it: "Séance 2 — Des villages frais"
       (always a dash: a title may hold its own colon). Its title only once the session is
       held by the deliverable's date $as-of (a title is given at the session, from its
       outcome: a note written before cannot know it), else its type: "Séance 2 —
       Stratégie". -->
  <!-- $quoted: in running text, the session's own title between guillemets, so that its
       punctuation never runs into the sentence's ("Séance 2 — « Quel avenir pour le
       site ? », le 25 mars 2025", not "… site ?, le …"); charts and tables leave it bare. -->
  <xsl:template match="a:seance" mode="calendar-label">
    <xsl:param name="as-of" select="''"/>
    <xsl:param name="quoted" select="false()"/>
    <xsl:value-of select="concat('Séance ', @numero)"/>
    <xsl:choose>
      <xsl:when test="a:titre and ($as-of = '' or not(t:after(@date, $as-of)))">
        <xsl:text> — </xsl:text>
        <xsl:if test="$quoted">«&#160;</xsl:if>
        <xsl:apply-templates select="a:titre" mode="plain"/>
        <xsl:if test="$quoted">&#160;»</xsl:if>
      </xsl:when>
      <xsl:when test="@type != 'autre'">
        <xsl:value-of select="concat(' — ', t:label('seance', @type))"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Whether ISO date $d is after ISO date $ref. -->
  <func:function name="t:after">
    <xsl:param name="d"/>
    <xsl:param name="ref"/>
    <func:result select="number(translate($d, '-', '')) &gt; number(translate($ref, '-', ''))"/>
  </func:function>

  <!-- What a calendar step is on a chart: a meeting (sessions, launch, restitution, seminar,
       and any other step of one or two days) or a period of work (cadrage, intersessions,
       production). -->
  <func:function name="t:step-kind">
    <xsl:param name="etape"/>
    <xsl:choose>
      <xsl:when test="starts-with($etape/@type, 'seance') or $etape/@type = 'lancement'
                      or $etape/@type = 'restitution' or $etape/@type = 'seminaire-final'">
        <func:result select="'meeting'"/>
      </xsl:when>
      <xsl:when test="$etape/@type = 'autre' and (not($etape/@fin)
                      or t:days($etape/@fin) - t:days($etape/@debut) &lt; 2)">
        <func:result select="'meeting'"/>
      </xsl:when>
      <xsl:otherwise><func:result select="'step'"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The atelier's calendar as a Gantt chart description, from its first step to its
       last. In a site's deliverables the sessions are that site's (t:site-session), and
       a session of the site that no step announces is added at its date. -->
  <!-- $as-of: the date of the deliverable (YYYY-MM-DD). Everything is drawn as the document
       saw it on that day: a meeting after it is to come whatever the source says now, a
       session before it that was not held did not take place, a period after it is to
       come and one that spans it is under way. Without $as-of, the source's state. -->
  <xsl:template name="calendar-chart">
    <xsl:param name="as-of" select="''"/>
    <xsl:variable name="steps" select="$atelier/a:calendrier/a:etape"/>
    <xsl:variable name="bars-rtf">
      <xsl:for-each select="$steps">
        <xsl:variable name="own" select="t:site-session(.)"/>
        <xsl:choose>
          <xsl:when test="$own">
            <xsl:apply-templates select="$own" mode="calendar-bar">
              <xsl:with-param name="as-of" select="$as-of"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="label">
              <xsl:choose>
                <xsl:when test="normalize-space(.) != ''"><xsl:apply-templates select="." mode="plain"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="t:label('etape', @type)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <!-- a session step that no site has held yet is still to come -->
            <xsl:variable name="sessions"
                select="$atelier/a:site/a:seances/a:seance[concat('seance-', @numero) = current()/@type]"/>
            <d:bar label="{$label}" start="{t:step-start(.)}" end="{t:step-end(.)}"
                   kind="{t:step-kind(.)}">
              <xsl:attribute name="state">
                <xsl:choose>
                  <xsl:when test="$sessions and not($sessions[t:held(.)])">planned</xsl:when>
                  <xsl:otherwise>done</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
            </d:bar>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:apply-templates mode="calendar-bar"
          select="$calendar-site/a:seances/a:seance[not(concat('seance-', @numero) = $steps/@type)]">
        <xsl:with-param name="as-of" select="$as-of"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="dated-rtf">
      <xsl:for-each select="exsl:node-set($bars-rtf)/d:bar">
        <xsl:copy>
          <xsl:copy-of select="@*"/>
          <xsl:if test="$as-of != ''">
            <xsl:choose>
              <!-- after the deliverable's date: to come -->
              <xsl:when test="t:after(@start, $as-of)">
                <xsl:attribute name="state">planned</xsl:attribute>
              </xsl:when>
              <!-- a session not held whose date the deliverable has passed did not take place -->
              <xsl:when test="@state = 'planned' and @kind = 'meeting' and t:after($as-of, @end)">
                <xsl:attribute name="state">missed</xsl:attribute>
              </xsl:when>
              <xsl:when test="@kind = 'step' and t:after(@end, $as-of)">
                <xsl:attribute name="state">current</xsl:attribute>
                <xsl:attribute name="cut"><xsl:value-of select="$as-of"/></xsl:attribute>
              </xsl:when>
            </xsl:choose>
          </xsl:if>
          <xsl:copy-of select="node()"/>
        </xsl:copy>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="bars" select="exsl:node-set($dated-rtf)/d:bar"/>
    <xsl:if test="$bars">
      <xsl:variable name="first">
        <xsl:for-each select="$bars/@start">
          <xsl:sort select="translate(., '-', '')" data-type="number"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="last">
        <xsl:for-each select="$bars/@end">
          <xsl:sort select="translate(., '-', '')" data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <!-- the sessions are the site's in a site's deliverable: it goes without saying -->
      <d:gantt start="{$first}" end="{$last}"
               caption="{concat('Calendrier de l’atelier, ', lv:date-range($first, $last))}">
        <!-- in date order: a session added from the site takes its place among the steps -->
        <xsl:for-each select="$bars">
          <xsl:sort select="translate(@start, '-', '')" data-type="number"/>
          <xsl:copy-of select="."/>
        </xsl:for-each>
      </d:gantt>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:seance" mode="calendar-bar">
    <xsl:param name="as-of" select="''"/>
    <xsl:variable name="label">
      <xsl:apply-templates select="." mode="calendar-label">
        <xsl:with-param name="as-of" select="$as-of"/>
      </xsl:apply-templates>
    </xsl:variable>
    <d:bar label="{$label}" start="{@date}" kind="meeting">
      <xsl:attribute name="state">
        <xsl:choose>
          <xsl:when test="t:held(.)">done</xsl:when>
          <xsl:otherwise>planned</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:attribute name="end">
        <xsl:choose>
          <xsl:when test="@fin"><xsl:value-of select="@fin"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@date"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </d:bar>
  </xsl:template>

  <!-- An agenda (a session's déroulé, the seminar's programme) as a table:
       "9 h 30 – 10 h 10" / item / speaker. $points: the a:point elements. -->
  <xsl:template name="agenda-table">
    <xsl:param name="points"/>
    <d:table cols="3 9 5">
      <d:head><d:cell>Horaire</d:cell><d:cell>Séquence</d:cell><d:cell>Intervenants</d:cell></d:head>
      <xsl:for-each select="$points">
        <d:row>
          <d:cell>
            <xsl:value-of select="t:time(@heure)"/>
            <xsl:if test="@duree">
              <xsl:value-of select="concat('&#160;– ', t:time-of(t:minutes(@heure) + @duree))"/>
            </xsl:if>
          </d:cell>
          <d:cell><xsl:apply-templates select="." mode="inline"/></d:cell>
          <d:cell><xsl:value-of select="lv:typo(normalize-space(@intervenant))"/></d:cell>
        </d:row>
      </xsl:for-each>
    </d:table>
  </xsl:template>

  <!-- The calendar as a table (step, dates, place). -->
  <!-- $as-of: the deliverable's date (session titles, see calendar-label). -->
  <xsl:template name="calendar-table">
    <xsl:param name="as-of" select="''"/>
    <d:table cols="3 3 2">
      <d:head><d:cell>Étape</d:cell><d:cell>Dates</d:cell><d:cell>Lieu</d:cell></d:head>
      <xsl:for-each select="$atelier/a:calendrier/a:etape">
        <d:row>
          <d:cell>
            <!-- The site's own session by its label ("Séance 1 : La bastide en été"); a step
                 by the source's words alone ("Réunion de lancement…" needs no "Lancement :"
                 before it), else by its type's label. -->
            <xsl:variable name="own-session" select="t:site-session(.)"/>
            <xsl:choose>
              <xsl:when test="$own-session">
                <xsl:apply-templates select="$own-session" mode="calendar-label">
                  <xsl:with-param name="as-of" select="$as-of"/>
                </xsl:apply-templates>
              </xsl:when>
              <xsl:when test="normalize-space(.) != ''"><xsl:apply-templates select="." mode="inline"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="t:label('etape', @type)"/></xsl:otherwise>
            </xsl:choose>
          </d:cell>
          <xsl:variable name="own" select="t:site-session(.)"/>
          <xsl:variable name="from">
            <xsl:choose>
              <xsl:when test="$own"><xsl:value-of select="$own/@date"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="t:step-start(.)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="to">
            <xsl:choose>
              <xsl:when test="$own"><xsl:value-of select="$own/@fin"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="t:step-end(.)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <d:cell>
            <xsl:value-of select="t:period($from, $to)"/>
          </d:cell>
          <!-- the final seminar at its full address when the source gives one -->
          <xsl:variable name="seminar" select="$atelier/a:seminaire-final[current()/@type = 'seminaire-final']/@lieu"/>
          <d:cell><xsl:value-of select="lv:typo(normalize-space(t:first-of($seminar, @lieu[not($own)], $own/@lieu)))"/></d:cell>
        </d:row>
      </xsl:for-each>
    </d:table>
  </xsl:template>

  <!-- What a site is, where, how many live there, as one sentence: "Commune de
       Cerneux-les-Forges (Jura), 2 210 habitants." -->
  <xsl:template match="a:site" mode="sentence">
    <xsl:variable name="name"><xsl:apply-templates select="a:nom" mode="plain"/></xsl:variable>
    <xsl:variable name="phrase" select="t:with-article($name, @nature)"/>
    <xsl:choose>
      <xsl:when test="$phrase = $name"><xsl:value-of select="$name"/></xsl:when>
      <xsl:when test="starts-with($phrase, 'l’')"><xsl:value-of select="t:capitalize(substring-after($phrase, 'l’'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="t:capitalize(substring-after($phrase, ' '))"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="a:departement">
      <xsl:text> (</xsl:text>
      <xsl:for-each select="a:departement">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="lv:typo(normalize-space(.))"/>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:if test="a:population">
      <xsl:value-of select="concat(', ', lv:number(number(a:population)), '&#160;habitants')"/>
    </xsl:if>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- The site's local authorities, one t:c each: its <collectivites> when the source gives
       them, else the structures of its elected participants (which miss an authority that
       no elected member speaks for). -->
  <xsl:template match="a:site" mode="collectivites">
    <xsl:choose>
      <xsl:when test="a:collectivites">
        <xsl:for-each select="a:collectivites/a:collectivite">
          <t:c><xsl:value-of select="lv:typo(normalize-space(.))"/></t:c>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="set:distinct(a:seances/a:seance/a:participants/a:participant[@role = 'elu']/@structure)">
          <t:c><xsl:value-of select="lv:typo(normalize-space(.))"/></t:c>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Key facts of a site as a two-column table. -->
  <xsl:template match="a:site" mode="identity-table">
    <!-- $stakes: a last row naming the themes of its stakes (the livret's one-site profile) -->
    <xsl:param name="stakes" select="false()"/>
    <d:table cols="1 2">
      <d:row><d:cell>Nature</d:cell><d:cell><xsl:value-of select="t:label('nature', @nature)"/></d:cell></d:row>
      <d:row><d:cell><xsl:value-of select="t:plural(count(a:departement), 'Département', 'Départements')"/></d:cell>
        <d:cell>
          <xsl:for-each select="a:departement">
            <xsl:if test="position() > 1">, </xsl:if>
            <xsl:value-of select="concat(normalize-space(.), ' (', @code, ')')"/>
          </xsl:for-each>
        </d:cell></d:row>
      <xsl:if test="a:region">
        <d:row><d:cell>Région</d:cell><d:cell><xsl:apply-templates select="a:region" mode="name"/></d:cell></d:row>
      </xsl:if>
      <xsl:if test="a:population">
        <d:row><d:cell>Population</d:cell>
          <d:cell><xsl:value-of select="concat(lv:number(number(a:population)), ' habitants')"/>
            <xsl:if test="a:population/@annee"> (<xsl:value-of select="a:population/@annee"/>)</xsl:if></d:cell></d:row>
      </xsl:if>
      <xsl:if test="a:superficie">
        <d:row><d:cell>Superficie</d:cell><d:cell><xsl:apply-templates select="a:superficie" mode="area"/></d:cell></d:row>
      </xsl:if>
      <xsl:if test="a:perimetre">
        <d:row><d:cell>Périmètre</d:cell><d:cell><xsl:apply-templates select="a:perimetre" mode="inline"/></d:cell></d:row>
      </xsl:if>
      <xsl:if test="a:collectivites">
        <d:row><d:cell>Collectivités</d:cell>
          <d:cell>
            <xsl:call-template name="comma-list">
              <xsl:with-param name="nodes" select="a:collectivites/a:collectivite"/>
              <xsl:with-param name="names" select="true()"/>
            </xsl:call-template>
          </d:cell></d:row>
      </xsl:if>
      <xsl:if test="$stakes and a:diagnostic/a:enjeux/a:enjeu/@theme">
        <d:row><d:cell>Principaux enjeux</d:cell>
          <d:cell>
            <xsl:variable name="themes">
              <xsl:for-each select="set:distinct(a:diagnostic/a:enjeux/a:enjeu/@theme)">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="lv:typo(normalize-space(.))"/>
              </xsl:for-each>
            </xsl:variable>
            <xsl:value-of select="t:capitalize($themes)"/>
          </d:cell></d:row>
      </xsl:if>
    </d:table>
  </xsl:template>

  <xsl:template match="a:superficie" mode="area">
    <xsl:value-of select="lv:number(number(.))"/>
    <xsl:choose>
      <xsl:when test="@unite = 'ha'">&#160;ha</xsl:when>
      <xsl:otherwise>&#160;km²</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A map or photo of the source as an FO figure (image path resolved against its atelier's
       directory: the dossier's ateliers carry it as xml:base, else assets-dir). A map is a
       little lower than a photo: under the site's table, it stays on that page. -->
  <xsl:template match="a:carte | a:photo" mode="figure">
    <xsl:variable name="src">
      <xsl:choose>
        <xsl:when test="starts-with(@src, '/')"><xsl:value-of select="@src"/></xsl:when>
        <xsl:when test="ancestor::a:atelier/@xml:base">
          <xsl:value-of select="concat(ancestor::a:atelier/@xml:base, @src)"/>
        </xsl:when>
        <xsl:when test="string($assets-dir) = ''"><xsl:value-of select="@src"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat($assets-dir, '/', @src)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <d:figure src="{$src}">
      <xsl:if test="self::a:carte"><xsl:attribute name="height">68mm</xsl:attribute></xsl:if>
      <xsl:attribute name="caption">
        <xsl:value-of select="lv:typo(normalize-space(@legende))"/>
        <xsl:if test="@credit"> — <xsl:value-of select="lv:typo(normalize-space(@credit))"/></xsl:if>
      </xsl:attribute>
    </d:figure>
  </xsl:template>

</xsl:stylesheet>
