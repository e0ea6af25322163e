<?xml version="1.0" encoding="UTF-8"?>
<!--
  Tables (pass 2). The intermediate vocabulary:
    <d:table cols="1 4 2">                    proportional column widths; or lengths and
                                              "auto" (sized by content): cols="10mm auto"
      <d:head><d:cell>Heure</d:cell>…</d:head>  header row, repeated after page breaks
      <d:row type="group|total"?>               group: one spanning sub-heading; total: bold
        <d:cell align="end|center"? span="2"?>inline content, or d:p / d:list blocks</d:cell>
                                              inline content may end with <d:detail>: a
                                              line under it, smaller ("dont …")
      </d:row>
    </d:table>
  (read="columns" on d:table: a list folded into pairs of columns, read down the left pair
  then the right, and therefore kept on one page)
  and the fiche (label/value block with a coloured band):
    <d:fiche id="…" title="…" tag="…"?><d:field label="Porteur">…</d:field>…</d:fiche>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:livrables:doc"
    exclude-result-prefixes="d">

  <xsl:template match="d:table" mode="fo">
    <fo:table xsl:use-attribute-sets="table">
      <!-- A short table is not split: its header and a row or two at the foot of a page,
           or one row alone under "(suite)", read badly. -->
      <!-- A table read down its columns (read="columns": a long list folded into two pairs
           of columns) is not split either: cut, the reader would go down the left pair on
           one page, back up to the right pair, then down the left again on the next. -->
      <!-- A table marked keep="whole" (a session's participants) is not split either. -->
      <xsl:if test="count(d:row) &lt;= 5 or @read = 'columns' or @keep = 'whole'">
        <xsl:attribute name="keep-together.within-page">5</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <!-- Columns by content: a column gets at least its longest word, so a place name
             such as "Castelvert-sur-Arrats" is not broken at its hyphens when the table
             has room for it, and the rest goes where the text is long. -->
        <xsl:when test="normalize-space(@cols) = 'auto'">
          <xsl:attribute name="table-layout">auto</xsl:attribute>
          <xsl:for-each select="d:head/d:cell">
            <fo:table-column/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="contains(concat(' ', normalize-space(@cols), ' '), ' auto ')">
            <xsl:attribute name="table-layout">auto</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="table-columns">
            <xsl:with-param name="cols" select="normalize-space(@cols)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="d:head">
        <fo:table-header>
          <!-- Where the table continues on a new page, a line names it, with "(suite)":
               the header retrieves the marker of the row the page starts with (empty on
               the first row, so the line takes no room where the table starts). -->
          <fo:table-row keep-with-next.within-page="always">
            <fo:table-cell>
              <xsl:attribute name="number-columns-spanned">
                <xsl:choose>
                  <xsl:when test="normalize-space(@cols) = 'auto'"><xsl:value-of select="count(d:head/d:cell)"/></xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="string-length(normalize-space(@cols))
                        - string-length(translate(normalize-space(@cols), ' ', '')) + 1"/>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <fo:block xsl:use-attribute-sets="table-continued">
                <fo:retrieve-table-marker retrieve-class-name="lv-suite"
                    retrieve-position-within-table="first-starting"
                    retrieve-boundary-within-table="table-fragment"/>
              </fo:block>
            </fo:table-cell>
          </fo:table-row>
          <fo:table-row keep-with-next.within-page="always">
            <xsl:apply-templates select="d:head/d:cell" mode="header-cell"/>
          </fo:table-row>
        </fo:table-header>
      </xsl:if>
      <fo:table-body>
        <xsl:apply-templates select="d:row" mode="fo"/>
        <!-- A table body needs at least one row. -->
        <xsl:if test="not(d:row)">
          <fo:table-row><fo:table-cell><fo:block/></fo:table-cell></fo:table-row>
        </xsl:if>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- One fo:table-column per width in the space-separated list: a number is a
       proportional width, "auto" a width by content, anything else a length ("12mm").
       Proportional and auto columns don't mix (the auto ones would take all the room). -->
  <xsl:template name="table-columns">
    <xsl:param name="cols"/>
    <xsl:if test="$cols != ''">
      <xsl:variable name="first">
        <xsl:choose>
          <xsl:when test="contains($cols, ' ')"><xsl:value-of select="substring-before($cols, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$cols"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="$first = 'auto'"><fo:table-column/></xsl:when>
        <xsl:when test="string(number($first)) != 'NaN'">
          <fo:table-column column-width="proportional-column-width({$first})"/>
        </xsl:when>
        <xsl:otherwise><fo:table-column column-width="{$first}"/></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="table-columns">
        <xsl:with-param name="cols" select="substring-after($cols, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="d:cell" mode="header-cell">
    <fo:table-cell xsl:use-attribute-sets="table-header-cell">
      <xsl:call-template name="cell-span"/>
      <fo:block>
        <xsl:call-template name="cell-align"/>
        <xsl:apply-templates mode="fo"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- A row never splits; the first two body rows stay with the header and the third, so a
       table never leaves its header and a row or two at the foot of a page; a group row
       stays with the row after it; the last two rows (often a total) do not start a page
       alone; a row with keep="previous" stays with the row before it (the rows that go on
       a group whose label is in its first row only: a page must not open with them). -->
  <xsl:template match="d:row" mode="fo">
    <fo:table-row keep-together.within-page="always">
      <xsl:if test="(count(preceding-sibling::d:row) &lt; 2 or @type = 'group') and following-sibling::d:row">
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:if test="preceding-sibling::d:row and (count(following-sibling::d:row) &lt; 2 or @keep = 'previous')">
        <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@type = 'group'">
          <xsl:apply-templates select="d:cell" mode="group-cell"/>
        </xsl:when>
        <xsl:when test="@type = 'total'">
          <xsl:apply-templates select="d:cell" mode="total-cell"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="d:cell" mode="fo"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:table-row>
  </xsl:template>

  <!-- In a table without a header row (key facts: "Nature", "Département"...), the first
       cell of a row names what the row holds: a row header for readers of tagged PDF. -->
  <xsl:template match="d:cell" mode="fo">
    <fo:table-cell xsl:use-attribute-sets="table-cell">
      <xsl:if test="not(ancestor::d:table[1]/d:head) and not(preceding-sibling::d:cell)">
        <xsl:attribute name="role">TH</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="cell-span"/>
      <xsl:call-template name="continued-marker"/>
      <xsl:call-template name="cell-content"/>
    </fo:table-cell>
  </xsl:template>
  <xsl:template match="d:cell" mode="total-cell">
    <fo:table-cell xsl:use-attribute-sets="table-cell table-total-cell">
      <xsl:call-template name="cell-span"/>
      <xsl:call-template name="continued-marker"/>
      <xsl:call-template name="cell-content"/>
    </fo:table-cell>
  </xsl:template>
  <!-- A group row is one cell across the whole table. -->
  <xsl:template match="d:cell" mode="group-cell">
    <fo:table-cell xsl:use-attribute-sets="table-cell table-group-cell"
        number-columns-spanned="{count(ancestor::d:table[1]/d:head/d:cell)}">
      <xsl:call-template name="continued-marker"/>
      <xsl:call-template name="cell-content"/>
    </fo:table-cell>
  </xsl:template>

  <!-- In a row's first cell, what the repeated header shows above the table on a page the
       row starts: nothing for the first row, else the table's name (its section's title)
       and "(suite)". -->
  <xsl:template name="continued-marker">
    <xsl:if test="not(preceding-sibling::d:cell) and ancestor::d:table[1]/d:head">
      <fo:marker marker-class-name="lv-suite">
        <xsl:if test="../preceding-sibling::d:row">
          <xsl:value-of select="ancestor::d:section[1]/@title"/>
          <xsl:text>&#160;(suite)</xsl:text>
        </xsl:if>
      </fo:marker>
    </xsl:if>
  </xsl:template>

  <xsl:template match="d:detail" mode="fo">
    <fo:block xsl:use-attribute-sets="table-detail"><xsl:apply-templates mode="fo"/></fo:block>
  </xsl:template>

  <xsl:template name="cell-span">
    <xsl:if test="@span &gt; 1">
      <xsl:attribute name="number-columns-spanned"><xsl:value-of select="@span"/></xsl:attribute>
    </xsl:if>
  </xsl:template>
  <xsl:template name="cell-align">
    <xsl:if test="@align">
      <xsl:attribute name="text-align"><xsl:value-of select="@align"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Block content as it is; inline content wrapped in one block. -->
  <xsl:template name="cell-content">
    <xsl:choose>
      <xsl:when test="d:p | d:list | d:table">
        <xsl:apply-templates mode="fo"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block>
          <xsl:call-template name="cell-align"/>
          <xsl:apply-templates mode="fo"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ fiche -->
  <!-- A fiche is one table whose header row is the coloured band (title, then priority and
       horizon on the right): when a fiche runs onto the next page, the band is repeated
       there, so the reader always knows which action the page continues. Columns: label,
       value, and a narrow third one that only the band's tag uses. -->
  <xsl:template match="d:fiche" mode="fo">
    <!-- keep-together: a fiche that fits on a page is not split; a longer one breaks
         between its fields, and its band is repeated. -->
    <fo:table xsl:use-attribute-sets="table fiche" keep-together.within-page="{$fiche-keep}">
      <xsl:if test="@id"><xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute></xsl:if>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-column column-width="proportional-column-width(2.25)"/>
      <fo:table-column column-width="proportional-column-width(0.75)"/>
      <fo:table-header>
        <fo:table-row keep-with-next.within-page="always">
          <fo:table-cell xsl:use-attribute-sets="fiche-band">
            <xsl:attribute name="number-columns-spanned">
              <xsl:choose><xsl:when test="@tag">2</xsl:when><xsl:otherwise>3</xsl:otherwise></xsl:choose>
            </xsl:attribute>
            <fo:block>
              <xsl:call-template name="superscripts"><xsl:with-param name="s" select="@title"/></xsl:call-template>
              <!-- " (suite)" on the pages a long fiche continues on -->
              <fo:retrieve-table-marker retrieve-class-name="lv-suite"
                  retrieve-position-within-table="first-starting"
                  retrieve-boundary-within-table="table-fragment"/>
            </fo:block>
          </fo:table-cell>
          <xsl:if test="@tag">
            <fo:table-cell xsl:use-attribute-sets="fiche-band fiche-tag">
              <!-- "Priorité 1 · Court terme" on two lines. -->
              <xsl:choose>
                <xsl:when test="contains(@tag, ' · ')">
                  <fo:block text-align="end"><xsl:value-of select="substring-before(@tag, ' · ')"/></fo:block>
                  <fo:block text-align="end"><xsl:value-of select="substring-after(@tag, ' · ')"/></fo:block>
                </xsl:when>
                <xsl:otherwise><fo:block text-align="end"><xsl:value-of select="@tag"/></fo:block></xsl:otherwise>
              </xsl:choose>
            </fo:table-cell>
          </xsl:if>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="d:field" mode="fo"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="d:field" mode="fo">
    <fo:table-row keep-together.within-page="always">
      <!-- The first field stays with the band: no band alone at the foot of a page. -->
      <xsl:if test="not(preceding-sibling::d:field)">
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:if>
      <fo:table-cell xsl:use-attribute-sets="table-cell fiche-cell fiche-label-cell">
        <fo:marker marker-class-name="lv-suite">
          <xsl:if test="preceding-sibling::d:field">&#160;(suite)</xsl:if>
        </fo:marker>
        <fo:block><xsl:value-of select="@label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="table-cell fiche-cell" number-columns-spanned="2">
        <xsl:call-template name="cell-content"/>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

</xsl:stylesheet>
