<?xml version="1.0" encoding="UTF-8"?>
<!--
  Base charter: every charter parameter with its default, and every attribute set the
  templates use. A charter (styles/NAME.xsl) is imported after the deliverable stylesheet,
  so it wins over this file: it redefines only the parameters or attributes it changes
  and must NOT import this file itself.

  Attribute sets of the same name merge across import levels, attribute by attribute,
  so a charter can change one attribute (say, the colour of h1) and keep the rest.
  Global variables referenced here resolve to the highest-precedence definition, so a
  charter that redefines $color-primary recolours every set below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">

  <!-- ============================================================ identity -->
  <!-- Name shown in the colophon. -->
  <xsl:param name="charter-name" select="'base'"/>

  <!-- ============================================================ page -->
  <xsl:param name="page-width" select="'210mm'"/>
  <xsl:param name="page-height" select="'297mm'"/>
  <xsl:param name="margin-top" select="'14mm'"/>      <!-- paper edge to header -->
  <xsl:param name="margin-bottom" select="'12mm'"/>   <!-- footer to paper edge -->
  <xsl:param name="margin-inner" select="'25mm'"/>    <!-- left -->
  <xsl:param name="margin-outer" select="'22mm'"/>    <!-- right -->
  <xsl:param name="header-extent" select="'12mm'"/>   <!-- room taken by the running header -->
  <xsl:param name="footer-extent" select="'12mm'"/>   <!-- room taken by the footer -->
  <!-- 'auto' lets chapters follow each other on the page (a heading keeps with what follows
       it), so that short chapters don't leave pages almost empty; 'page' starts every
       chapter on a new page. Parts marked as deliberate breaks (the table of contents, the
       dossier's sites) start a new page either way. -->
  <xsl:param name="chapter-break" select="'auto'"/>

  <!-- ============================================================ colours -->
  <xsl:param name="color-primary" select="'#1F3A4D'"/>   <!-- headings, header rows, bands -->
  <xsl:param name="color-accent" select="'#B34A2E'"/>    <!-- small touches: rules, numbers -->
  <xsl:param name="color-text" select="'#1E1E1E'"/>
  <xsl:param name="color-muted" select="'#666666'"/>     <!-- headers, footers, captions -->
  <xsl:param name="color-rule" select="'#CFCFCF'"/>      <!-- light separators -->
  <xsl:param name="color-header-fg" select="'#FFFFFF'"/> <!-- text on color-primary -->
  <xsl:param name="color-tint" select="'#EEF1F3'"/>      <!-- light fill: label cells, boxes -->
  <xsl:param name="color-row-alt" select="'#F7F7F7'"/>   <!-- every other table row -->
  <!-- Chart series: priority 1, 2, 3 and the generic bar colour. -->
  <xsl:param name="color-chart-1" select="'#12212C'"/>
  <xsl:param name="color-chart-2" select="'#4E738C'"/>
  <xsl:param name="color-chart-3" select="'#7B95A8'"/>
  <xsl:param name="color-chart-grid" select="'#D9D9D9'"/>

  <!-- ============================================================ fonts -->
  <xsl:param name="font-body" select="'Liberation Serif, serif'"/>
  <xsl:param name="font-heading" select="'Liberation Sans, sans-serif'"/>
  <!-- Font family list written inside SVG charts; the charts measure their labels in it
       with the text engine (lv:text-width), whatever the font. -->
  <xsl:param name="font-chart" select="'Liberation Sans, sans-serif'"/>
  <xsl:param name="font-size-body" select="'10pt'"/>
  <xsl:param name="font-size-small" select="'8.5pt'"/>
  <xsl:param name="font-size-table" select="'8.5pt'"/>
  <xsl:param name="line-height-body" select="'1.4'"/>
  <xsl:param name="font-size-h1" select="'18pt'"/>
  <xsl:param name="font-size-h2" select="'13pt'"/>
  <xsl:param name="font-size-h3" select="'11pt'"/>
  <xsl:param name="font-size-cover-title" select="'26pt'"/>
  <!-- ============================================================ page economy -->
  <!-- Strength of the keep that holds a fiche action on one page: an integer (a fiche longer
       than a page still breaks, at its weakest keep) or 'auto' to let fiches run on. -->
  <xsl:param name="fiche-keep" select="'5'"/>

  <!-- Characters used for bullets and label/value rows. -->
  <xsl:param name="bullet" select="'–'"/>

  <!-- ============================================================ body -->
  <!-- On fo:flow: inherited by everything in the body. -->
  <xsl:attribute-set name="body">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-body"/></xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-body"/></xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$line-height-body"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-text"/></xsl:attribute>
    <xsl:attribute name="language">fr</xsl:attribute>
    <xsl:attribute name="country">FR</xsl:attribute>
    <!-- French usage: no cut leaving two letters on the line ("ac-quis") or carrying
         fewer than three to the next -->
    <xsl:attribute name="hyphenation-remain-character-count">3</xsl:attribute>
    <xsl:attribute name="hyphenation-push-character-count">3</xsl:attribute>
  </xsl:attribute-set>

  <!-- A paragraph of prose. -->
  <xsl:attribute-set name="p">
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="hyphenate">true</xsl:attribute>
    <xsl:attribute name="language">fr</xsl:attribute>
    <xsl:attribute name="space-after">5pt</xsl:attribute>
    <xsl:attribute name="orphans">2</xsl:attribute>
    <xsl:attribute name="widows">2</xsl:attribute>
  </xsl:attribute-set>

  <!-- A short label/lead line in the body (e.g. "Participants", "Décisions"). -->
  <xsl:attribute-set name="label">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="font-size">9.5pt</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="space-before">8pt</xsl:attribute>
    <xsl:attribute name="space-after">3pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="list">
    <xsl:attribute name="provisional-distance-between-starts">12pt</xsl:attribute>
    <xsl:attribute name="provisional-label-separation">4pt</xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="list-item">
    <xsl:attribute name="space-after">2pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="bullet">
    <xsl:attribute name="color"><xsl:value-of select="$color-accent"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="link">
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="text-decoration">underline</xsl:attribute>
  </xsl:attribute-set>
  <!-- Ordinal suffixes ("1er", "XIIIe"): raised and smaller. -->
  <!-- Raised as far as a line of table text (line-height 1.25) has room for: "1er" and
       "XIIIe" leave the line's height as it is, in FOP as here ("super" at 70 % grows it). -->
  <xsl:attribute-set name="superscript">
    <xsl:attribute name="baseline-shift">0.4em</xsl:attribute>
    <xsl:attribute name="font-size">60%</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="sigle">
    <xsl:attribute name="letter-spacing">0.02em</xsl:attribute>
  </xsl:attribute-set>

  <!-- Figure caption / note under a chart or table. -->
  <xsl:attribute-set name="caption">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-small"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
    <xsl:attribute name="space-before">3pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- A framed box (key figures, "Document de travail" notice...). Border and padding lie
       outside the content rectangle, so the indents make room for them (2.5pt + 8pt). -->
  <xsl:attribute-set name="box">
    <xsl:attribute name="start-indent">10.5pt</xsl:attribute>
    <xsl:attribute name="end-indent">8pt</xsl:attribute>
    <xsl:attribute name="background-color"><xsl:value-of select="$color-tint"/></xsl:attribute>
    <xsl:attribute name="border-start-style">solid</xsl:attribute>
    <xsl:attribute name="border-start-width">2.5pt</xsl:attribute>
    <xsl:attribute name="border-start-color"><xsl:value-of select="$color-accent"/></xsl:attribute>
    <xsl:attribute name="padding-before">5pt</xsl:attribute>
    <xsl:attribute name="padding-after">5pt</xsl:attribute>
    <xsl:attribute name="padding-start">8pt</xsl:attribute>
    <xsl:attribute name="padding-end">8pt</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ headings -->
  <xsl:attribute-set name="heading">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
    <xsl:attribute name="hyphenate">false</xsl:attribute>
    <xsl:attribute name="line-height">1.2</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="h1" use-attribute-sets="heading">
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-h1"/></xsl:attribute>
    <!-- Only felt when a chapter does not start a page (chapter-break auto, break="auto"):
         space at the top of a page is discarded. -->
    <xsl:attribute name="space-before">22pt</xsl:attribute>
    <xsl:attribute name="space-after">14pt</xsl:attribute>
    <xsl:attribute name="padding-after">6pt</xsl:attribute>
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-width">1.5pt</xsl:attribute>
    <xsl:attribute name="border-after-color"><xsl:value-of select="$color-accent"/></xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="h2" use-attribute-sets="heading">
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-h2"/></xsl:attribute>
    <xsl:attribute name="space-before">14pt</xsl:attribute>
    <xsl:attribute name="space-after">6pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="h3" use-attribute-sets="heading">
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-h3"/></xsl:attribute>
    <xsl:attribute name="space-before">10pt</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- The number in front of a heading ("1.2"). -->
  <xsl:attribute-set name="heading-number">
    <xsl:attribute name="color"><xsl:value-of select="$color-accent"/></xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ tables -->
  <xsl:attribute-set name="table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-table"/></xsl:attribute>
    <xsl:attribute name="line-height">1.25</xsl:attribute>
    <xsl:attribute name="space-before">4pt</xsl:attribute>
    <xsl:attribute name="space-after">10pt</xsl:attribute>
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-width">0.8pt</xsl:attribute>
    <xsl:attribute name="border-after-color"><xsl:value-of select="$color-primary"/></xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="table-header-cell">
    <xsl:attribute name="background-color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-header-fg"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="padding-before">4pt</xsl:attribute>
    <xsl:attribute name="padding-after">4pt</xsl:attribute>
    <xsl:attribute name="padding-start">4pt</xsl:attribute>
    <xsl:attribute name="padding-end">4pt</xsl:attribute>
    <xsl:attribute name="display-align">after</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="table-cell">
    <xsl:attribute name="padding-before">3.5pt</xsl:attribute>
    <xsl:attribute name="padding-after">3.5pt</xsl:attribute>
    <xsl:attribute name="padding-start">4pt</xsl:attribute>
    <xsl:attribute name="padding-end">4pt</xsl:attribute>
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-width">0.4pt</xsl:attribute>
    <xsl:attribute name="border-after-color"><xsl:value-of select="$color-rule"/></xsl:attribute>
  </xsl:attribute-set>
  <!-- The line above a table's header on the pages it continues on ("Axe 1 (suite)"). -->
  <xsl:attribute-set name="table-continued">
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
    <xsl:attribute name="padding-after">0pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- Totals row: bold on a tint, a rule above. -->
  <xsl:attribute-set name="table-total-cell">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="background-color"><xsl:value-of select="$color-tint"/></xsl:attribute>
    <xsl:attribute name="border-before-style">solid</xsl:attribute>
    <xsl:attribute name="border-before-width">0.8pt</xsl:attribute>
    <xsl:attribute name="border-before-color"><xsl:value-of select="$color-primary"/></xsl:attribute>
  </xsl:attribute-set>
  <!-- A second line in a cell that qualifies the first ("dont part du porteur : …"). -->
  <xsl:attribute-set name="table-detail">
    <xsl:attribute name="font-style">italic</xsl:attribute>
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-small"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
  </xsl:attribute-set>
  <!-- A sub-heading row spanning the table (e.g. an axis inside the action plan). -->
  <xsl:attribute-set name="table-group-cell">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="background-color"><xsl:value-of select="$color-tint"/></xsl:attribute>
  </xsl:attribute-set>

  <!-- Fiche action: a table (on fo:table) whose repeated header is the coloured band. -->
  <xsl:attribute-set name="fiche">
    <xsl:attribute name="space-before">6pt</xsl:attribute>
    <xsl:attribute name="space-after">12pt</xsl:attribute>
    <xsl:attribute name="border-start-style">solid</xsl:attribute>
    <xsl:attribute name="border-end-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-start-width">0.5pt</xsl:attribute>
    <xsl:attribute name="border-end-width">0.5pt</xsl:attribute>
    <xsl:attribute name="border-after-width">0.5pt</xsl:attribute>
    <xsl:attribute name="border-start-color"><xsl:value-of select="$color-rule"/></xsl:attribute>
    <xsl:attribute name="border-end-color"><xsl:value-of select="$color-rule"/></xsl:attribute>
    <xsl:attribute name="border-after-color"><xsl:value-of select="$color-rule"/></xsl:attribute>
  </xsl:attribute-set>
  <!-- The band: on the header cells of the fiche table. -->
  <xsl:attribute-set name="fiche-band">
    <xsl:attribute name="background-color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-header-fg"/></xsl:attribute>
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="font-size">10pt</xsl:attribute>
    <xsl:attribute name="line-height">1.25</xsl:attribute>
    <xsl:attribute name="padding-before">5pt</xsl:attribute>
    <xsl:attribute name="padding-after">5pt</xsl:attribute>
    <xsl:attribute name="padding-start">6pt</xsl:attribute>
    <xsl:attribute name="padding-end">6pt</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>
  <!-- Priority and horizon, on the right of the band. -->
  <xsl:attribute-set name="fiche-tag">
    <xsl:attribute name="font-weight">normal</xsl:attribute>
    <xsl:attribute name="font-size">8pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- The cells of a fiche's fields: tighter than a table's, so that two short fiches
       share a page. -->
  <xsl:attribute-set name="fiche-cell">
    <xsl:attribute name="padding-before">2.5pt</xsl:attribute>
    <xsl:attribute name="padding-after">2.5pt</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="fiche-label-cell">
    <xsl:attribute name="background-color"><xsl:value-of select="$color-tint"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ page furniture -->
  <xsl:attribute-set name="running-header">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-size">7.5pt</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
    <xsl:attribute name="padding-after">3pt</xsl:attribute>
    <xsl:attribute name="border-after-style">solid</xsl:attribute>
    <xsl:attribute name="border-after-width">0.4pt</xsl:attribute>
    <xsl:attribute name="border-after-color"><xsl:value-of select="$color-rule"/></xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="running-footer">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-size">7.5pt</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
  </xsl:attribute-set>
  <!-- "Document de travail" mark in the header of working documents. -->
  <xsl:attribute-set name="draft-mark">
    <xsl:attribute name="color"><xsl:value-of select="$color-accent"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="text-transform">uppercase</xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ cover -->
  <xsl:attribute-set name="cover">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-text"/></xsl:attribute>
  </xsl:attribute-set>
  <!-- The coloured band across the top of the cover. -->
  <xsl:attribute-set name="cover-band">
    <xsl:attribute name="background-color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-header-fg"/></xsl:attribute>
    <xsl:attribute name="padding-before">8mm</xsl:attribute>
    <xsl:attribute name="padding-after">8mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cover-kicker">   <!-- "Atelier des territoires" -->
    <xsl:attribute name="font-size">10pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="text-transform">uppercase</xsl:attribute>
    <xsl:attribute name="letter-spacing">0.08em</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cover-deliverable">
    <xsl:attribute name="font-size">13pt</xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-accent"/></xsl:attribute>
    <xsl:attribute name="text-transform">uppercase</xsl:attribute>
    <xsl:attribute name="letter-spacing">0.05em</xsl:attribute>
    <xsl:attribute name="space-after">6mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cover-title">
    <xsl:attribute name="font-size"><xsl:value-of select="$font-size-cover-title"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.15</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="space-after">5mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cover-site">
    <xsl:attribute name="font-size">15pt</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-text"/></xsl:attribute>
    <xsl:attribute name="space-after">3mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="cover-meta">
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
    <xsl:attribute name="line-height">1.5</xsl:attribute>
  </xsl:attribute-set>

  <!-- ============================================================ table of contents -->
  <xsl:attribute-set name="toc-title" use-attribute-sets="h1"/>
  <xsl:attribute-set name="toc-entry-1">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="font-size">10pt</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-primary"/></xsl:attribute>
    <xsl:attribute name="space-before">7pt</xsl:attribute>
    <xsl:attribute name="text-align-last">justify</xsl:attribute>
    <xsl:attribute name="end-indent">10mm</xsl:attribute>
    <xsl:attribute name="last-line-end-indent">-10mm</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="toc-entry-2">
    <xsl:attribute name="font-family"><xsl:value-of select="$font-heading"/></xsl:attribute>
    <xsl:attribute name="font-size">9pt</xsl:attribute>
    <xsl:attribute name="start-indent">8mm</xsl:attribute>
    <xsl:attribute name="space-before">2pt</xsl:attribute>
    <xsl:attribute name="text-align-last">justify</xsl:attribute>
    <xsl:attribute name="end-indent">10mm</xsl:attribute>
    <xsl:attribute name="last-line-end-indent">-10mm</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="toc-leader">
    <xsl:attribute name="leader-pattern">dots</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$color-muted"/></xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
  </xsl:attribute-set>
  <!-- Deepest heading level listed in the table of contents. -->
  <xsl:param name="toc-depth" select="2"/>

</xsl:stylesheet>
