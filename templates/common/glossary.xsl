<?xml version="1.0" encoding="UTF-8"?>
<!--
  Glossary of the acronyms a document prints: the source's <glossaire> entries whose acronym
  appears on its pages (body, cover, history of versions, colophon), either marked up as
  <sigle> or as a word of the text or of a title.
  Pass 1 builds an unnumbered d:section holding d:glossary-entry elements; pass 2 renders
  them as a two-column table. Acronyms in the text link to their entry (inline.xsl).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    exclude-result-prefixes="a d lv">

  <!-- Characters that separate words when looking for an acronym in the text. -->
  <xsl:variable name="glossary-separators" select="'.,;:!?()[]«»“”&quot;’/-–—&#160;&#8239;'"/>

  <!-- Entries by acronym, to keep the first of each in its source (a preceding:: test
       walked the whole source before every entry). -->
  <xsl:key name="glossary-entry-by-sigle" match="a:entree" use="@sigle"/>

  <!-- Most entries a glossary kept on one page may have. -->
  <xsl:variable name="glossary-whole-max" select="14"/>
  <!-- Entries a long glossary opens with on one page, under its heading. -->
  <xsl:variable name="glossary-opening" select="6"/>
  <!-- Entries a short glossary may leave to the last page, beside the colophon, and the
       fewest it must have to do so (below, it is kept whole). -->
  <xsl:variable name="glossary-tail" select="3"/>
  <xsl:variable name="glossary-tail-min" select="8"/>

  <!-- $used: what the document prints (root nodes of pass-1 trees: the body, and the cover,
       history of versions and colophon). Emits nothing when no entry is used.
       One rule for every document: each acronym it prints, cover and colophon included, is
       in its glossary, even when it is the only one; none is spelt out in the text. Spelt
       out at a lone acronym's first use, it read « la DDT (Direction départementale des
       territoires) du Doubs » (the expansion inside the name, with its capital), it fell in
       a table cell or on the last use when the first ones were in tables, and two livrets of
       one repository followed two rules (one acronym or two). -->
  <xsl:template name="glossary-section">
    <xsl:param name="used"/>
    <!-- The entries to choose from; the first of several with the same acronym wins. -->
    <xsl:param name="pool" select="$atelier/a:glossaire/a:entree"/>
    <!-- Every text node and title, each a word apart (adjacent cells must not glue words),
         with the separators turned into spaces: lv:words gives what translate() did over
         the joined text, at a small part of its cost (it was the costliest template) -->
    <xsl:variable name="texts" select="$used//text() | $used//@title | $used//@label | $used//@caption"/>
    <xsl:variable name="words" select="lv:words($texts, $glossary-separators)"/>
    <!-- the same words with their hyphens, for acronyms such as OPAH-RU or PLUi-H (an
         acronym without a hyphen found there is found in $words too) -->
    <xsl:variable name="hyphenated" select="lv:words($texts, translate($glossary-separators, '-', ''))"/>
    <!-- the acronyms marked up, found once rather than for each entry -->
    <xsl:variable name="marked" select="$used//d:sigle"/>
    <xsl:variable name="entries"
        select="$pool[count(. | key('glossary-entry-by-sigle', @sigle)[1]) = 1]
                     [$marked = @sigle or contains($words, concat(' ', @sigle, ' '))
                      or (contains(@sigle, '-') and contains($hyphenated, concat(' ', @sigle, ' ')))]"/>
    <xsl:if test="$entries">
      <!-- A long glossary (split over pages, unlike a short one, kept whole) follows the
           last chapter as a short one does: made to start a page, it left the page before
           it a fifth full when a table ended there. It opens only where its first
           $glossary-opening entries fit (the rows below), never with a few at a page's foot. -->
      <d:section title="Glossaire" unnumbered="yes" id="lv-glossaire">
        <d:glossary>
          <xsl:for-each select="$entries">
            <xsl:sort select="@sigle"/>
            <d:glossary-entry sigle="{@sigle}" id="gl-{translate(@sigle, ' ', '_')}">
              <xsl:apply-templates select="." mode="inline"/>
            </d:glossary-entry>
          </xsl:for-each>
        </d:glossary>
      </d:section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="d:glossary" mode="fo">
    <!-- A short glossary is not split: two acronyms alone on the last page say nothing.
         But for its last $glossary-tail entries when it has $glossary-tail-min or more
         (the rows below): the colophon keeps with them, rather than with the whole
         glossary, which it took to the last page, leaving the page before half empty. -->
    <fo:table xsl:use-attribute-sets="table" font-size="{$font-size-body}">
      <xsl:if test="count(d:glossary-entry) &lt; $glossary-tail-min">
        <xsl:attribute name="keep-together.within-page">5</xsl:attribute>
      </xsl:if>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(4)"/>
      <!-- on the page a long glossary continues on, "Glossaire (suite)" above it (empty,
           taking no room, where it starts) -->
      <fo:table-header>
        <fo:table-row>
          <fo:table-cell number-columns-spanned="2">
            <fo:block xsl:use-attribute-sets="table-continued">
              <fo:retrieve-table-marker retrieve-class-name="lv-suite"
                  retrieve-position-within-table="first-starting"
                  retrieve-boundary-within-table="table-fragment"/>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="d:glossary-entry" mode="fo"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- Neither the first $glossary-opening nor the last two entries are left alone on a page;
       a short glossary splits only before its last $glossary-tail entries. -->
  <xsl:template match="d:glossary-entry" mode="fo">
    <xsl:variable name="short" select="last() &lt;= $glossary-whole-max"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:if test="(position() &lt; $glossary-opening or ($short and position() &lt; last() - $glossary-tail))
                    and position() &lt; last()">
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:if test="position() &gt;= last() - 1 and position() &gt; 1">
        <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
      </xsl:if>
      <fo:table-cell xsl:use-attribute-sets="table-cell" id="{@id}" role="TH">
        <fo:marker marker-class-name="lv-suite">
          <xsl:if test="position() &gt; 1">Glossaire&#160;(suite)</xsl:if>
        </fo:marker>
        <fo:block font-weight="bold" color="{$color-primary}"><xsl:value-of select="@sigle"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="table-cell">
        <fo:block><xsl:apply-templates mode="fo"/></fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

</xsl:stylesheet>
