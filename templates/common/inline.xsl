<?xml version="1.0" encoding="UTF-8"?>
<!--
  Prose, in two halves.
  Pass 1, mode "text": source prose (a:p, a:em, a:strong, a:sigle, a:lien) to the
  intermediate vocabulary, with French typography (lv:typo) applied to every text node.
  Mode "plain" gives the typographically corrected text of an element as one string
  (titles, names).
  Pass 2, mode "fo": d:p, d:em, d:strong, d:sigle, d:link, d:label, d:box, d:list, d:caption
  to XSL-FO.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    exclude-result-prefixes="a d lv">

  <!-- ============================================================ pass 1 -->
  <xsl:template match="a:p" mode="text">
    <d:p><xsl:apply-templates mode="text"/></d:p>
  </xsl:template>
  <xsl:template match="a:em" mode="text">
    <d:em><xsl:apply-templates mode="text"/></d:em>
  </xsl:template>
  <xsl:template match="a:strong" mode="text">
    <d:strong><xsl:apply-templates mode="text"/></d:strong>
  </xsl:template>
  <xsl:template match="a:sigle" mode="text">
    <d:sigle><xsl:value-of select="normalize-space(.)"/></d:sigle>
  </xsl:template>
  <xsl:template match="a:lien" mode="text">
    <d:link href="{@href}"><xsl:apply-templates mode="text"/></d:link>
  </xsl:template>
  <!-- Prose names places as it goes (« entre Clermont-sur-Lergue et Sauzet-les-Garrigues »):
       a capitalised word with a hyphen inside, a compound proper name, is never hyphenated
       (it was cut « Sau-/zet-les-Garrigues »); it may still break at its own hyphens. -->
  <xsl:template match="text()" mode="text">
    <xsl:variable name="s" select="lv:typo(.)"/>
    <xsl:choose>
      <xsl:when test="contains($s, '-')">
        <xsl:call-template name="place-names"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="place-names">
    <xsl:param name="s"/>
    <xsl:variable name="word" select="substring-before(concat($s, ' '), ' ')"/>
    <!-- its first letter, past an opening bracket or quote -->
    <xsl:variable name="bare" select="substring($word, 1 + number(contains('(«“[', substring($word, 1, 1))))"/>
    <xsl:choose>
      <xsl:when test="contains(substring($bare, 2, string-length($bare) - 2), '-')
                      and contains('ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÊÀÂÎÔÛÇ', substring($bare, 1, 1))">
        <d:name><xsl:value-of select="$word"/></d:name>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$word"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="contains($s, ' ')">
      <xsl:text> </xsl:text>
      <xsl:variable name="rest" select="substring-after($s, ' ')"/>
      <xsl:choose>
        <xsl:when test="contains($rest, '-')">
          <xsl:call-template name="place-names"><xsl:with-param name="s" select="$rest"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>
  <!-- Loose text in an element that holds no <p> (a point, an item): one paragraph. -->
  <xsl:template match="*" mode="text-block">
    <xsl:choose>
      <xsl:when test="a:p"><xsl:apply-templates select="a:p" mode="text"/></xsl:when>
      <xsl:otherwise><d:p><xsl:apply-templates mode="text"/></d:p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Inline content of an element (table cells, list items): prose without the <p>. -->
  <xsl:template match="*" mode="inline">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::a:p">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates mode="text"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A proper name printed from a source field (a place, a local authority, a funder):
       never hyphenated, and each of its hyphenated words kept on one line
       ("Saint-Geniès-d’Auzonne", "Bourgogne-Franche-Comté"). $s: the name, typography
       applied. For running text and wide cells: a narrow column that cannot hold such a
       word still has to break it, so tables of narrow columns print names bare. -->
  <xsl:template name="proper-name">
    <xsl:param name="s"/>
    <d:name><xsl:call-template name="proper-name-words"><xsl:with-param name="s" select="$s"/></xsl:call-template></d:name>
  </xsl:template>
  <xsl:template name="proper-name-words">
    <xsl:param name="s"/>
    <xsl:variable name="word" select="substring-before(concat($s, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($word, '-')"><d:whole><xsl:value-of select="$word"/></d:whole></xsl:when>
      <xsl:otherwise><xsl:value-of select="$word"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="contains($s, ' ')">
      <xsl:text> </xsl:text>
      <xsl:call-template name="proper-name-words"><xsl:with-param name="s" select="substring-after($s, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- A source element holding a name (porteur, partenaire, collectivité) as proper-name,
       its inline markup (an acronym) kept. -->
  <xsl:template match="*" mode="name">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::text()">
          <!-- the spaces at the ends of a text node between two elements are words' edges -->
          <xsl:if test="starts-with(translate(., '&#9;&#10;&#13;', '   '), ' ') and position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:call-template name="proper-name"><xsl:with-param name="s" select="lv:typo(normalize-space(.))"/></xsl:call-template>
          <xsl:if test="substring(translate(., '&#9;&#10;&#13;', '   '), string-length(.)) = ' ' and position() &lt; last()"><xsl:text> </xsl:text></xsl:if>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Plain string: for titles and names shown outside prose. -->
  <xsl:template match="*" mode="plain">
    <xsl:value-of select="lv:typo(normalize-space(.))"/>
  </xsl:template>

  <!-- ============================================================ pass 2 -->
  <!-- Text: ordinal suffixes raised ("1er", "XIIIe"), as French typography sets them. -->
  <xsl:template match="d:*/text()" mode="fo">
    <!-- most texts raise nothing: written at once, without the two templates' calls -->
    <xsl:variable name="s" select="lv:superscripts(.)"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&#xE000;')">
        <xsl:call-template name="superscript-runs"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s as text and superscript inlines: lv:superscripts marks the runs to raise between
       U+E000 and U+E001. -->
  <xsl:template name="superscripts">
    <xsl:param name="s"/>
    <xsl:call-template name="superscript-runs">
      <xsl:with-param name="s" select="lv:superscripts($s)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template name="superscript-runs">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&#xE000;')">
        <xsl:variable name="rest" select="substring-after($s, '&#xE000;')"/>
        <xsl:value-of select="substring-before($s, '&#xE000;')"/>
        <fo:inline xsl:use-attribute-sets="superscript">
          <xsl:value-of select="substring-before($rest, '&#xE001;')"/>
        </fo:inline>
        <xsl:call-template name="superscript-runs">
          <xsl:with-param name="s" select="substring-after($rest, '&#xE001;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- keep="next": a lead-in that must not end a page without what it introduces. A short
       paragraph (a few lines) right before a table, a list or a chart ("8 participants.")
       is one too, and so is a chapter's opening sentence right before its first subsection;
       the last of several paragraphs before a subsection introduces nothing: it stays on
       its page when the subsection moves on. -->
  <xsl:template match="d:p" mode="fo">
    <fo:block xsl:use-attribute-sets="p">
      <xsl:if test="@keep = 'next' or (string-length(normalize-space(.)) &lt; 400 and
                    following-sibling::*[1][self::d:table or self::d:list or self::d:gantt
                                            or self::d:phasing or self::d:stacked or self::d:series
                                            or self::d:section[not(current()/preceding-sibling::*)]])">
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:if>
      <!-- a few lines in a narrow table cell: ragged, as justifying would open wide spaces,
           and, short, not hyphenated; a box's few lines (a chapter's opening) neither:
           a cut word in so little text only stands out (« change-/ment ») -->
      <xsl:variable name="short" select="string-length(normalize-space(.)) &lt; $short-text"/>
      <xsl:if test="ancestor::d:cell">
        <xsl:attribute name="text-align">start</xsl:attribute>
      </xsl:if>
      <xsl:if test="$short and (ancestor::d:cell or ancestor::d:box)">
        <xsl:attribute name="hyphenate">false</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>
  <!-- Text up to this many characters is short: a few lines, set without hyphenation
       where it is ragged (list items, table cells) or boxed. -->
  <xsl:variable name="short-text" select="300"/>
  <!-- A proper name (proper-name above): not hyphenated. -->
  <xsl:template match="d:name" mode="fo">
    <fo:inline hyphenate="false"><xsl:apply-templates mode="fo"/></fo:inline>
  </xsl:template>
  <!-- A run that no line break splits: a hyphenated name, an amount and its state
       ("130 000 € (acquis)"). FOP 2.8 still hyphenates in a kept inline: hyphenate="false"
       too. -->
  <xsl:template match="d:whole" mode="fo">
    <fo:inline keep-together.within-line="always" hyphenate="false"><xsl:apply-templates mode="fo"/></fo:inline>
  </xsl:template>
  <xsl:template match="d:em" mode="fo">
    <fo:inline font-style="italic"><xsl:apply-templates mode="fo"/></fo:inline>
  </xsl:template>
  <xsl:template match="d:strong" mode="fo">
    <fo:inline font-weight="bold"><xsl:apply-templates mode="fo"/></fo:inline>
  </xsl:template>
  <!-- An acronym links to its glossary entry when there is one. -->
  <!-- The glossary's entries by acronym: each acronym of the text looked its entry up in
       the whole document. -->
  <xsl:key name="glossary-entry" match="d:glossary-entry" use="@sigle"/>

  <xsl:template match="d:sigle" mode="fo">
    <xsl:variable name="entry" select="key('glossary-entry', string(.))"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <fo:basic-link internal-destination="{$entry/@id}">
          <fo:inline xsl:use-attribute-sets="sigle"><xsl:value-of select="."/></fo:inline>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline xsl:use-attribute-sets="sigle"><xsl:value-of select="."/></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="d:link" mode="fo">
    <fo:basic-link external-destination="url('{@href}')" xsl:use-attribute-sets="link">
      <xsl:apply-templates mode="fo"/>
    </fo:basic-link>
  </xsl:template>

  <!-- An internal cross-reference (action title to its fiche). -->
  <xsl:template match="d:ref" mode="fo">
    <fo:basic-link internal-destination="{@to}"><xsl:apply-templates mode="fo"/></fo:basic-link>
  </xsl:template>

  <!-- A short bold lead line ("Points d'accord"). -->
  <xsl:template match="d:label" mode="fo">
    <!-- a lead line is never the last line of a page -->
    <fo:block xsl:use-attribute-sets="label" keep-with-next.within-page="always"><xsl:apply-templates mode="fo"/></fo:block>
  </xsl:template>
  <!-- A short box right before a sub-section (a session's date and place under its title)
       stays with it: a title and its box alone at the foot of a page say nothing. -->
  <xsl:template match="d:box" mode="fo">
    <fo:block xsl:use-attribute-sets="box">
      <xsl:if test="string-length(normalize-space(.)) &lt; 300 and following-sibling::*[1][self::d:section]">
        <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>
  <!-- A note under a table or chart (rounding, taxes, abbreviations) stays on its page: a
       note alone at the top of the next one explains nothing. -->
  <xsl:template match="d:caption" mode="fo">
    <fo:block xsl:use-attribute-sets="caption">
      <xsl:if test="preceding-sibling::*[1][self::d:table or self::d:gantt or self::d:phasing
                                            or self::d:stacked or self::d:series]">
        <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="fo"/>
    </fo:block>
  </xsl:template>

  <!-- An image from the source, scaled down to the text width and to its height (85mm unless
       given), with its caption. -->
  <xsl:template match="d:figure" mode="fo">
    <fo:block text-align="center" space-before="6pt" keep-with-next.within-page="always">
      <fo:external-graphic src="url('{@src}')" width="100%" fox:alt-text="{@caption}"
          content-width="scale-down-to-fit" content-height="scale-down-to-fit" scaling="uniform">
        <xsl:attribute name="height">
          <xsl:value-of select="@height"/>
          <xsl:if test="not(@height)">85mm</xsl:if>
        </xsl:attribute>
      </fo:external-graphic>
    </fo:block>
    <xsl:if test="@caption != ''">
      <fo:block xsl:use-attribute-sets="caption" text-align="center">
        <xsl:value-of select="@caption"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Bulleted list; d:item holds inline content or d:p blocks. -->
  <xsl:template match="d:list" mode="fo">
    <fo:list-block xsl:use-attribute-sets="list">
      <!-- a short list is not split (two items at the foot of a page, the third alone) -->
      <xsl:if test="count(d:item) &lt;= 4 and string-length(normalize-space(.)) &lt; 600">
        <xsl:attribute name="keep-together.within-page">5</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="d:item" mode="fo"/>
    </fo:list-block>
  </xsl:template>
  <xsl:template match="d:item" mode="fo">
    <!-- an item of a few lines is not split: its bold lead would end a page alone -->
    <fo:list-item xsl:use-attribute-sets="list-item">
      <xsl:if test="string-length(normalize-space(.)) &lt; 700">
        <xsl:attribute name="keep-together.within-page">5</xsl:attribute>
      </xsl:if>
      <fo:list-item-label end-indent="label-end()">
        <fo:block xsl:use-attribute-sets="bullet"><xsl:value-of select="$bullet"/></fo:block>
      </fo:list-item-label>
      <fo:list-item-body start-indent="body-start()">
        <xsl:choose>
          <xsl:when test="d:p"><xsl:apply-templates mode="fo"/></xsl:when>
          <!-- an item is a line or two: set ragged, as lists are, since justifying a
               short line ("Séance 1 — Visiter…", a financing line) only widens its spaces;
               and, short, not hyphenated (« huit parti-/cipants ») -->
          <xsl:otherwise>
            <fo:block text-align="start" hyphenate="{string-length(normalize-space(.)) &gt;= $short-text}" language="fr">
              <xsl:apply-templates mode="fo"/>
            </fo:block>
          </xsl:otherwise>
        </xsl:choose>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

</xsl:stylesheet>
