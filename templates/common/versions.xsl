<?xml version="1.0" encoding="UTF-8"?>
<!--
  Version history (pass 1): a revised deliverable says what each of its versions changed,
  from the <modification> children of its <livrable> (the site's, else the atelier's).
  An unnumbered section before the first chapter; nothing when the source gives none.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    exclude-result-prefixes="a d lv">

  <!-- $kind: the deliverable's type; $site: its a:site (or nothing); $ateliers: its
       atelier(s). -->
  <xsl:template name="version-history">
    <xsl:param name="kind"/>
    <xsl:param name="site"/>
    <xsl:param name="ateliers"/>
    <xsl:variable name="own" select="$site/a:livrable[@type = $kind][a:modification][1]"/>
    <xsl:variable name="shared" select="$ateliers/a:livrable[@type = $kind][a:modification][1]"/>
    <xsl:variable name="changes" select="($own | $shared[not($own)])[1]/a:modification"/>
    <xsl:if test="$changes">
      <d:section title="Historique des versions" unnumbered="yes" id="lv-versions">
        <d:table cols="2 4 14">
          <d:head><d:cell>Version</d:cell><d:cell>Date</d:cell><d:cell>Modifications</d:cell></d:head>
          <xsl:for-each select="$changes">
            <d:row>
              <d:cell><xsl:value-of select="@version"/></d:cell>
              <d:cell><xsl:if test="@date"><xsl:value-of select="lv:date(@date)"/></xsl:if></d:cell>
              <d:cell><xsl:apply-templates select="." mode="inline"/></d:cell>
            </d:row>
          </xsl:for-each>
        </d:table>
      </d:section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
