<?xml version="1.0" encoding="UTF-8"?>
<!-- PDF metadata as XMP in fo:declarations: title, creator, subject, keywords. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:d="urn:livrables:doc"
    xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    exclude-result-prefixes="d">

  <xsl:template match="d:document" mode="metadata">
    <fo:declarations>
      <x:xmpmeta>
        <rdf:RDF>
          <rdf:Description rdf:about="">
            <dc:title>
              <xsl:value-of select="@deliverable"/>
              <xsl:text> — </xsl:text><xsl:value-of select="@title"/>
              <xsl:if test="@site != '' and not(contains(@title, @site))"><xsl:text> — </xsl:text><xsl:value-of select="@site"/></xsl:if>
            </dc:title>
            <!-- an example's services did not write it (its cover and colophon say so) -->
            <dc:creator>
              <xsl:choose>
                <xsl:when test="@example = 'true'">Exemple fictif (Livrables)</xsl:when>
                <xsl:otherwise><xsl:value-of select="@creator"/></xsl:otherwise>
              </xsl:choose>
            </dc:creator>
            <dc:subject><xsl:value-of select="@subject"/></dc:subject>
            <dc:language>fr-FR</dc:language>
            <dc:date><xsl:value-of select="@iso-date"/></dc:date>
            <pdf:Keywords><xsl:value-of select="@keywords"/></pdf:Keywords>
            <pdf:Producer>Livrables</pdf:Producer>
            <xmp:CreatorTool>Livrables</xmp:CreatorTool>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

</xsl:stylesheet>
