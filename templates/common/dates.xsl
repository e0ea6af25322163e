<?xml version="1.0" encoding="UTF-8"?>
<!--
  The date and version of a deliverable, from the source, never from the build clock
  (the build date is printed nowhere: it is only the PDF's creation date, in its metadata).

  A <livrable type="…" date="…" version="…"/> of the site, else of the atelier, gives them.
  Without one, the date is that of the step that produces the deliverable:
    note-de-cadrage            the cadrage step (its last day), else the launch, else the first step;
    carnet-de-suivi            the last session held on the site (its last day), else as the note;
    rapport-final, feuille-de-route
                               the production step (its last day), else the restitution, else
                               the last step;
    livret-de-capitalisation   the final seminar (its step, else <seminaire-final date>), else as
                               the rapport final;
    dossier                    the seminar's date, else the latest date of the ateliers' steps.
  and the version is the atelier's (1.0 when it has none).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:t="urn:livrables:templates"
    xmlns:lv="urn:livrables:xslt"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="a t lv func">

  <!-- A period in words: "1er octobre 2025" for one day, "2 et 3 avril 2025" for two days
       that follow each other in a month, else lv:date-range's "du 2 au 5 avril 2025". -->
  <func:function name="t:period">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="not($to) or string($to) = '' or string($to) = string($from)">
        <func:result select="lv:date($from)"/>
      </xsl:when>
      <xsl:when test="substring($from, 1, 7) = substring($to, 1, 7)
                      and number(substring($to, 9, 2)) = number(substring($from, 9, 2)) + 1">
        <func:result select="concat(substring-before(lv:date($from), ' '), ' et ', lv:date($to))"/>
      </xsl:when>
      <xsl:otherwise><func:result select="lv:date-range($from, $to)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The latest of the ISO dates $dates (attribute nodes), '' when there are none. -->
  <func:function name="t:latest">
    <xsl:param name="dates"/>
    <xsl:variable name="r">
      <xsl:for-each select="$dates">
        <xsl:sort select="translate(., '-', '')" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <func:result select="string($r)"/>
  </func:function>

  <!-- The last day of the steps of type $type of $ateliers, '' when there is none. -->
  <func:function name="t:step-date">
    <xsl:param name="ateliers"/>
    <xsl:param name="type"/>
    <xsl:variable name="steps" select="$ateliers/a:calendrier/a:etape[@type = $type]"/>
    <func:result select="t:latest($steps/@debut | $steps/@fin)"/>
  </func:function>

  <!-- The first non-empty string of $a, $b, $c, $d. -->
  <func:function name="t:first-of">
    <xsl:param name="a"/>
    <xsl:param name="b" select="''"/>
    <xsl:param name="c" select="''"/>
    <xsl:param name="d" select="''"/>
    <xsl:choose>
      <xsl:when test="string($a) != ''"><func:result select="string($a)"/></xsl:when>
      <xsl:when test="string($b) != ''"><func:result select="string($b)"/></xsl:when>
      <xsl:when test="string($c) != ''"><func:result select="string($c)"/></xsl:when>
      <xsl:otherwise><func:result select="string($d)"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The ISO date of deliverable $kind of $site (empty node-set for atelier-wide ones) of
       the ateliers $ateliers (one, or the dossier's). -->
  <func:function name="t:deliverable-date">
    <xsl:param name="kind"/>
    <xsl:param name="ateliers"/>
    <xsl:param name="site"/>
    <!-- The site's own <livrable> first, then the atelier's. -->
    <xsl:variable name="given" select="t:first-of($site/a:livrable[@type = $kind]/@date,
                                                  $ateliers/a:livrable[@type = $kind]/@date)"/>
    <xsl:variable name="steps" select="$ateliers/a:calendrier/a:etape"/>
    <xsl:variable name="cadrage" select="t:first-of(t:step-date($ateliers, 'cadrage'),
        t:step-date($ateliers, 'lancement'), t:latest($steps[1]/@debut))"/>
    <xsl:variable name="production" select="t:first-of(t:step-date($ateliers, 'production'),
        t:step-date($ateliers, 'restitution'), t:latest($steps/@debut | $steps/@fin))"/>
    <xsl:variable name="held" select="$site/a:seances/a:seance[@tenue = 'oui']"/>
    <xsl:choose>
      <xsl:when test="$given != ''"><func:result select="$given"/></xsl:when>
      <xsl:when test="$kind = 'note-de-cadrage'"><func:result select="$cadrage"/></xsl:when>
      <xsl:when test="$kind = 'carnet-de-suivi'">
        <func:result select="t:first-of(t:latest($held/@date | $held/@fin), $cadrage)"/>
      </xsl:when>
      <xsl:when test="$kind = 'livret-de-capitalisation'">
        <func:result select="t:first-of(t:step-date($ateliers, 'seminaire-final'),
            t:latest($ateliers/a:seminaire-final/@date), $production)"/>
      </xsl:when>
      <xsl:when test="$kind = 'dossier'">
        <func:result select="t:first-of(string($ateliers/a:seminaire-final/@date),
            t:latest($steps/@debut | $steps/@fin))"/>
      </xsl:when>
      <xsl:otherwise><func:result select="$production"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The version of deliverable $kind: its <livrable version>, else $default. -->
  <func:function name="t:deliverable-version">
    <xsl:param name="kind"/>
    <xsl:param name="ateliers"/>
    <xsl:param name="site"/>
    <xsl:param name="default"/>
    <func:result select="t:first-of($site/a:livrable[@type = $kind]/@version,
                                    $ateliers/a:livrable[@type = $kind]/@version, $default)"/>
  </func:function>

</xsl:stylesheet>
