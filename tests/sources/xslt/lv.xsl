<?xml version="1.0" encoding="UTF-8"?>
<!-- Uses the lv: functions and the parameters; fails at line 13 when $site is 'fail'. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:lv="urn:livrables:xslt">
  <xsl:param name="site"/>
  <xsl:param name="build-date"/>
  <xsl:template match="/">
    <r site="{$site}" date="{$build-date}">
      <t><xsl:value-of select="lv:typo(string(/a))"/></t>
      <m><xsl:value-of select="lv:amount(/a/@montant)"/></m>
      <d><xsl:value-of select="lv:date-range('2025-03-12', '2025-03-14')"/></d>
      <xsl:if test="$site = 'fail'">
        <xsl:message terminate="yes">site refused</xsl:message>
      </xsl:if>
      <xsl:if test="$site = 'write'">
        <xsl:document href="/tmp/lv-should-not-exist.txt" method="text">x</xsl:document>
      </xsl:if>
    </r>
  </xsl:template>
</xsl:stylesheet>
