<?xml version="1.0" encoding="UTF-8"?>
<!--
  Cover page: optional bloc-marque at the top, then the deliverable, atelier title, site
  and its local authorities, and a colour band at the foot with the steering service and
  the deliverable's date and version from the source.
  The page is full bleed (no margins): three block-containers of fixed height fill it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:d="urn:livrables:doc"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="d str">

  <xsl:param name="cover-top-height" select="'75mm'"/>
  <xsl:param name="cover-middle-height" select="'157mm'"/>
  <!-- Content height of the band: 65mm minus its padding (cover-band attribute set). -->
  <xsl:param name="cover-band-height" select="'48mm'"/>

  <xsl:template match="d:document" mode="cover">
    <fo:page-sequence master-reference="cover" language="fr" country="FR">
      <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="cover">
        <xsl:apply-templates select="." mode="cover-top"/>
        <xsl:apply-templates select="." mode="cover-middle"/>
        <xsl:apply-templates select="." mode="cover-band"/>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- Top: the bloc-marque when one was given, else nothing. -->
  <xsl:template match="d:document" mode="cover-top">
    <fo:block-container height="{$cover-top-height}">
      <fo:block padding-before="18mm" start-indent="{$margin-inner}" end-indent="{$margin-outer}">
        <xsl:if test="string(@bloc-marque) != ''">
          <fo:external-graphic src="url('{@bloc-marque}')" content-height="28mm"
              fox:alt-text="{normalize-space(concat('Bloc-marque ', @steering))}"
              content-width="scale-to-fit" scaling="uniform"/>
        </xsl:if>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- Middle: what the document is. -->
  <xsl:template match="d:document" mode="cover-middle">
    <fo:block-container height="{$cover-middle-height}">
      <!-- The accent bar sits in the margin; the text lines up with the body text. -->
      <fo:block border-start-style="solid" border-start-width="3pt"
          border-start-color="{$color-accent}" padding-start="6mm"
          start-indent="{$margin-inner}" end-indent="{$margin-outer}">
        <fo:block xsl:use-attribute-sets="cover-deliverable">
          <xsl:value-of select="@deliverable"/>
        </fo:block>
        <fo:block xsl:use-attribute-sets="cover-title" role="H1"><xsl:value-of select="@title"/></fo:block>
        <!-- the site, unless the title already names it ("Atelier flash de Vernay-sur-Loue");
             then, or for the whole atelier, its subtitle -->
        <xsl:choose>
          <xsl:when test="@site != '' and not(contains(@title, @site))">
            <fo:block xsl:use-attribute-sets="cover-site"><xsl:value-of select="@site"/></fo:block>
          </xsl:when>
          <xsl:when test="@subtitle != ''">
            <fo:block xsl:use-attribute-sets="cover-site"><xsl:value-of select="@subtitle"/></fo:block>
          </xsl:when>
        </xsl:choose>
        <xsl:if test="@collectivites != ''">
          <fo:block xsl:use-attribute-sets="cover-meta">
            <xsl:call-template name="cover-names"><xsl:with-param name="s" select="@collectivites"/></xsl:call-template>
          </fo:block>
        </xsl:if>
      </fo:block>
      <xsl:apply-templates select="." mode="cover-example"/>
      <xsl:if test="@draft = 'true'">
        <!-- the box's border and padding lie outside its indents: line them up with the title -->
        <fo:block xsl:use-attribute-sets="box" space-before="14mm" font-size="9pt"
            start-indent="{$margin-inner} + 10.5pt" end-indent="{$margin-outer} + 8pt">
          <fo:inline xsl:use-attribute-sets="draft-mark">Document de travail</fo:inline>
          <fo:block>Version intermédiaire, mise à jour après chaque séance de l’atelier.</fo:block>
        </fo:block>
      </xsl:if>
    </fo:block-container>
  </xsl:template>

  <!-- An example's notice (<atelier exemple="oui">), boxed like the draft notice. -->
  <xsl:template match="d:document" mode="cover-example">
    <xsl:param name="space-before" select="'14mm'"/>
    <xsl:if test="@example = 'true'">
      <fo:block xsl:use-attribute-sets="box" space-before="{$space-before}" font-size="9pt"
          start-indent="{$margin-inner} + 10.5pt" end-indent="{$margin-outer} + 8pt">
        <fo:inline xsl:use-attribute-sets="draft-mark"><xsl:value-of select="$example-notice"/></fo:inline>
        <fo:block><xsl:value-of select="$example-explanation"/></fo:block>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Names joined by " · " ("Communauté de communes du Pic et des Vignes · …"), each one
       whole on its line (a name cut in two reads as two), the separator ending a line rather
       than starting one. A name too long for a line (over 90 characters at the cover's
       small size) may still break, but is never hyphenated. -->
  <xsl:template name="cover-names">
    <xsl:param name="s"/>
    <xsl:variable name="name" select="substring-before(concat($s, ' · '), ' · ')"/>
    <fo:inline hyphenate="false">
      <xsl:if test="string-length($name) &lt;= 90">
        <xsl:attribute name="keep-together.within-line">always</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$name"/>
    </fo:inline>
    <xsl:if test="contains($s, ' · ')">
      <xsl:text>&#160;· </xsl:text>
      <xsl:call-template name="cover-names"><xsl:with-param name="s" select="substring-after($s, ' · ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Foot band: who, when, which version. -->
  <xsl:template match="d:document" mode="cover-band">
    <fo:block-container height="{$cover-band-height}" xsl:use-attribute-sets="cover-band"
        display-align="center">
      <!-- Indents on an inner block: children of a block-container are placed against it. -->
      <fo:block start-indent="{$margin-inner}" end-indent="{$margin-outer}">
        <fo:block xsl:use-attribute-sets="cover-kicker" space-after="4mm">Atelier des territoires</fo:block>
        <fo:block font-size="11pt" font-weight="bold">
          <xsl:text>Pilotage&#160;: </xsl:text>
          <xsl:variable name="who">
            <xsl:choose>
              <xsl:when test="@steering != ''"><xsl:value-of select="@steering"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@service"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <!-- a line breaks between services, never inside one's name (« DDT / du Gers ») -->
          <xsl:value-of select="str:replace(translate($who, ' ', '&#160;'), '&#160;·&#160;', ' · ')"/>
        </fo:block>
        <!-- The source's date and version (common/dates.xsl), never the build's. -->
        <fo:block font-size="9pt" space-before="2mm">
          <xsl:call-template name="superscripts"><xsl:with-param name="s" select="@date"/></xsl:call-template>
          <xsl:text> · version </xsl:text><xsl:value-of select="@version"/>
        </fo:block>
      </fo:block>
    </fo:block-container>
  </xsl:template>

</xsl:stylesheet>
