<?xml version="1.0" encoding="UTF-8"?>
<!-- Makes the DocBook 4 that pandoc writes for Node.js API pages valid: the raw HTML the
     Markdown holds becomes DocBook (<kbd> a keycap, <a id> an anchor). With book=1 the
     article, which then holds chapters, becomes a book with an index: each section titled
     by an API name gets two index terms, the name itself and the name under its chapter.
     DocBook XSL lays the index out on its two-column page master. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:param name="book" select="0"/>
  <xsl:output method="xml" encoding="UTF-8"
              doctype-public="-//OASIS//DTD DocBook XML V4.5//EN"
              doctype-system="http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd"/>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <xsl:template match="kbd">
    <keycap><xsl:apply-templates/></keycap>
  </xsl:template>

  <xsl:template match="a[@id]">
    <anchor id="{@id}"/>
  </xsl:template>

  <xsl:template match="/article">
    <xsl:choose>
      <xsl:when test="$book = 1">
        <book>
          <xsl:apply-templates select="@*|node()"/>
          <index/>
        </book>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/article/articleinfo">
    <xsl:choose>
      <xsl:when test="$book = 1">
        <bookinfo><xsl:apply-templates select="@*|node()"/></bookinfo>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*[starts-with(local-name(), 'sect')]/title[literal]">
    <xsl:copy-of select="."/>
    <xsl:if test="$book = 1">
      <indexterm>
        <primary><xsl:value-of select="literal[1]"/></primary>
      </indexterm>
      <indexterm>
        <primary><xsl:value-of select="ancestor::chapter/title"/></primary>
        <secondary><xsl:value-of select="literal[1]"/></secondary>
      </indexterm>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
