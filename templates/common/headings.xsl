<?xml version="1.0" encoding="UTF-8"?>
<!--
  Sections: numbered headings (1, 1.1, 1.1.1), the "chapter" marker read by the running
  header, ids for the table of contents, and the PDF bookmark tree.

  d:section attributes: title (required), short (title for the running header and the
  bookmarks, optional), unnumbered="yes" (glossary, colophon), break="auto" (a chapter that
  never starts a new page) or break="page" (a deliberate break: a part that always starts a
  new page, whatever the charter's $chapter-break).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:livrables:doc"
    exclude-result-prefixes="d">

  <!-- The section's FO id: its own @id when given, else a generated one. -->
  <xsl:template match="d:section" mode="section-id">
    <xsl:choose>
      <xsl:when test="@id"><xsl:value-of select="@id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('sec-', generate-id())"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "1.2.3", or nothing for an unnumbered section (or one inside it). -->
  <xsl:template match="d:section" mode="section-number">
    <xsl:if test="not(ancestor-or-self::d:section[@unnumbered = 'yes'])">
      <xsl:number level="multiple" count="d:section[not(@unnumbered = 'yes')]" format="1.1"/>
    </xsl:if>
  </xsl:template>

  <!-- The heading text with its number, as plain text, numbered as the heading and the
       table of contents are ("1 Contexte", "1.2 Le site": no point after a lone number).
       $full: the whole title (bookmarks, which list what the contents list), else the
       short one when there is one (the running header's narrow line). -->
  <xsl:template match="d:section" mode="section-label">
    <xsl:param name="full" select="false()"/>
    <xsl:variable name="number"><xsl:apply-templates select="." mode="section-number"/></xsl:variable>
    <xsl:if test="$number != ''"><xsl:value-of select="concat($number, ' ')"/></xsl:if>
    <xsl:choose>
      <xsl:when test="@short and not($full)"><xsl:value-of select="@short"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="d:section" mode="fo">
    <xsl:variable name="level" select="count(ancestor-or-self::d:section)"/>
    <fo:block>
      <xsl:attribute name="id"><xsl:apply-templates select="." mode="section-id"/></xsl:attribute>
      <xsl:choose>
        <xsl:when test="@break = 'page'">
          <xsl:attribute name="break-before">page</xsl:attribute>
        </xsl:when>
        <xsl:when test="$level = 1 and not(@break = 'auto')">
          <xsl:attribute name="break-before"><xsl:value-of select="$chapter-break"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:if test="$level = 1">
        <fo:marker marker-class-name="chapter">
          <xsl:apply-templates select="." mode="section-label"/>
        </fo:marker>
      </xsl:if>
      <xsl:apply-templates select="." mode="heading">
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="node()" mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- The heading block itself, styled by level (h1, h2, h3 and deeper). -->
  <xsl:template match="d:section" mode="heading">
    <xsl:param name="level"/>
    <xsl:variable name="content">
      <xsl:variable name="number"><xsl:apply-templates select="." mode="section-number"/></xsl:variable>
      <xsl:if test="$number != ''">
        <fo:inline xsl:use-attribute-sets="heading-number"><xsl:value-of select="$number"/></fo:inline>
        <xsl:text>  </xsl:text>
      </xsl:if>
      <xsl:call-template name="superscripts"><xsl:with-param name="s" select="@title"/></xsl:call-template>
    </xsl:variable>
    <!-- Tagged PDF: the cover title is H1, a section of level n is H(n+1), H6 at most. -->
    <xsl:variable name="role">
      <xsl:choose>
        <xsl:when test="$level &gt; 4">H6</xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('H', $level + 1)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$level = 1">
        <fo:block xsl:use-attribute-sets="h1" role="{$role}"><xsl:copy-of select="$content"/></fo:block>
      </xsl:when>
      <xsl:when test="$level = 2">
        <fo:block xsl:use-attribute-sets="h2" role="{$role}"><xsl:copy-of select="$content"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="h3" role="{$role}"><xsl:copy-of select="$content"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ bookmarks -->
  <xsl:template match="d:document" mode="bookmarks">
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="lv-toc">
        <fo:bookmark-title>Sommaire</fo:bookmark-title>
      </fo:bookmark>
      <xsl:apply-templates select="d:section" mode="bookmarks"/>
    </fo:bookmark-tree>
  </xsl:template>

  <xsl:template match="d:section" mode="bookmarks">
    <fo:bookmark starting-state="hide">
      <xsl:attribute name="internal-destination">
        <xsl:apply-templates select="." mode="section-id"/>
      </xsl:attribute>
      <fo:bookmark-title>
        <xsl:apply-templates select="." mode="section-label">
          <xsl:with-param name="full" select="true()"/>
        </xsl:apply-templates>
      </fo:bookmark-title>
      <xsl:apply-templates select="d:section | d:fiche[@id]" mode="bookmarks"/>
    </fo:bookmark>
  </xsl:template>

  <!-- One bookmark per fiche action, under the section (its axis) that holds it. -->
  <xsl:template match="d:fiche" mode="bookmarks">
    <fo:bookmark internal-destination="{@id}" starting-state="hide">
      <fo:bookmark-title><xsl:value-of select="@title"/></fo:bookmark-title>
    </fo:bookmark>
  </xsl:template>

  <!-- The section's own children are rendered in mode fo; its title is not content. -->
  <xsl:template match="d:section/@*" mode="fo"/>

</xsl:stylesheet>
