<?xml version="1.0" encoding="UTF-8"?>
<!--
  The action plan of a site, shared by the rapport final (summary) and the feuille de
  route (per-axis tables, phasing chart): table rows and totals computed from the source.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:livrables:atelier:1"
    xmlns:d="urn:livrables:doc"
    xmlns:lv="urn:livrables:xslt"
    xmlns:t="urn:livrables:templates"
    xmlns:str="http://exslt.org/strings"
    xmlns:exsl="http://exslt.org/common"
    xmlns:func="http://exslt.org/functions"
    extension-element-prefixes="func"
    exclude-result-prefixes="a d lv t str exsl func">

  <!-- "Axe 1 — Habiter le centre-bourg" -->
  <xsl:template match="a:axe" mode="axis-title">
    <xsl:value-of select="concat('Axe ', @numero, ' — ')"/>
    <xsl:apply-templates select="a:titre" mode="plain"/>
  </xsl:template>

  <!-- Summary table of a site's actions, one group row per axis, total at the end.
       $detailed: true() adds the partners column (feuille de route). -->
  <xsl:template name="plan-table">
    <xsl:param name="axes"/>
    <xsl:param name="detailed" select="false()"/>
    <xsl:param name="group" select="true()"/>
    <!-- The actions whose words size the columns: the feuille de route gives the whole plan,
         so that its tables, one per axis, share their column widths. -->
    <xsl:param name="sized-by" select="$axes/a:objectif/a:action[t:open(.)]"/>
    <!-- Short columns fixed; Action, Porteur (and Partenaires) by content, so that a place
         name such as "Castelvert-sur-Arrats" gets a line of its own width when the table has
         room for it. -->
    <d:table>
      <xsl:attribute name="cols">
        <xsl:choose>
          <xsl:when test="$detailed">
            <xsl:call-template name="plan-columns"><xsl:with-param name="actions" select="$sized-by"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>10mm auto auto auto auto </xsl:text>
            <xsl:call-template name="cost-column"><xsl:with-param name="actions" select="$sized-by"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <d:head>
        <d:cell>N°</d:cell><d:cell>Action</d:cell><d:cell>Porteur</d:cell>
        <xsl:if test="$detailed"><d:cell>Partenaires</d:cell></xsl:if>
        <d:cell>Horizon</d:cell><d:cell align="center">Priorité</d:cell>
        <d:cell align="end"><xsl:value-of select="concat('Coût ', t:tax-of-actions($axes/a:objectif/a:action[t:open(.)]))"/></d:cell>
      </d:head>
      <xsl:for-each select="$axes">
        <xsl:if test="$group">
          <d:row type="group"><d:cell><xsl:apply-templates select="." mode="axis-title"/></d:cell></d:row>
        </xsl:if>
        <xsl:apply-templates select="a:objectif/a:action[t:open(.)]" mode="plan-row">
          <xsl:with-param name="detailed" select="$detailed"/>
        </xsl:apply-templates>
      </xsl:for-each>
      <!-- Realised and abandoned actions are listed apart (closed-actions), not counted. -->
      <xsl:variable name="open" select="$axes/a:objectif/a:action[t:open(.)]"/>
      <d:row type="total">
        <d:cell span="{5 + boolean($detailed)}">
          <xsl:value-of select="concat('Total (', count($open), t:plural(count($open), '&#160;action', '&#160;actions'))"/>
          <xsl:if test="$open[not(a:cout)]">
            <xsl:value-of select="concat(', dont ', count($open[not(a:cout)]), '&#160;au coût à définir')"/>
          </xsl:if>
          <xsl:text>)</xsl:text>
        </d:cell>
        <d:cell align="end"><xsl:value-of select="t:amount(sum($open/a:cout))"/></d:cell>
      </d:row>
    </d:table>
  </xsl:template>

  <!-- The columns of the detailed plan table, the same for every table of one plan. Action,
       the main information, keeps at least a quarter of the room the short columns leave;
       Porteur and Partenaires take the share of the plan's text they hold, at least as wide
       as their longest word (a place name stays on one line) and at most 37 % of the room
       each, else such a name ("Bourgogne-Franche-Comté") breaks at its hyphens.
       Measured by the text engine in the charter's table font. -->
  <xsl:template name="plan-columns">
    <xsl:param name="actions"/>
    <xsl:variable name="size" select="number(substring-before(concat($font-size-table, 'pt'), 'pt'))"/>
    <xsl:variable name="porteur">
      <xsl:call-template name="widest-word">
        <xsl:with-param name="texts" select="$actions/a:porteur"/>
        <xsl:with-param name="size" select="$size"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="partners">
      <xsl:call-template name="widest-word">
        <xsl:with-param name="texts" select="$actions/a:partenaires/a:partenaire"/>
        <xsl:with-param name="size" select="$size"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="cost"><xsl:call-template name="cost-column"><xsl:with-param name="actions" select="$actions"/></xsl:call-template></xsl:variable>
    <!-- the room left by N°, Horizon, Priorité and Coût, in points -->
    <xsl:variable name="flex" select="t:pt($page-width) - t:pt($margin-inner) - t:pt($margin-outer) - t:pt('43mm') - t:pt($cost)"/>
    <!-- each text column's share of the room as its share of the plan's text, so that rows
         wrap alike in every column (a long partners list no longer runs to ten lines in a
         narrow column beside short titles); the action, the main information, weighs more -->
    <xsl:variable name="la" select="string-length(normalize-space(str:concat($actions/a:titre)))"/>
    <xsl:variable name="lp" select="string-length(normalize-space(str:concat($actions/a:porteur)))"/>
    <xsl:variable name="lq" select="string-length(normalize-space(str:concat($actions/a:partenaires/a:partenaire)))"/>
    <xsl:variable name="all" select="1.6 * $la + $lp + $lq + 1"/>
    <xsl:variable name="wp" select="t:between($flex * $lp div $all, t:between($porteur + 9, 60, $flex * 0.37), $flex * 0.37)"/>
    <xsl:variable name="wq" select="t:between($flex * $lq div $all, t:between($partners + 9, 60, $flex * 0.37), $flex * 0.37)"/>
    <xsl:value-of select="concat('10mm 1 ', format-number($wp, '0.#'), 'pt ', format-number($wq, '0.#'), 'pt 19mm 14mm ', $cost)"/>
  </xsl:template>

  <!-- A length ("25mm", "2cm", "1in", "12pt") in points. -->
  <func:function name="t:pt">
    <xsl:param name="len"/>
    <xsl:variable name="n" select="number(translate($len, 'abcdefghijklmnopqrstuvwxyz', ''))"/>
    <xsl:choose>
      <xsl:when test="contains($len, 'mm')"><func:result select="$n * 72 div 25.4"/></xsl:when>
      <xsl:when test="contains($len, 'cm')"><func:result select="$n * 72 div 2.54"/></xsl:when>
      <xsl:when test="contains($len, 'in')"><func:result select="$n * 72"/></xsl:when>
      <xsl:otherwise><func:result select="$n"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- $x kept within [$low, $high]. -->
  <func:function name="t:between">
    <xsl:param name="x"/>
    <xsl:param name="low"/>
    <xsl:param name="high"/>
    <xsl:choose>
      <xsl:when test="$x &lt; $low"><func:result select="$low"/></xsl:when>
      <xsl:when test="$x &gt; $high"><func:result select="$high"/></xsl:when>
      <xsl:otherwise><func:result select="$x"/></xsl:otherwise>
    </xsl:choose>
  </func:function>

  <!-- The cost column: 19.5mm holds "12 500 000 €"; "coût à définir", kept on one line, may
       need more (measured in the table font, with the cell's padding). -->
  <xsl:template name="cost-column">
    <xsl:param name="actions"/>
    <xsl:variable name="size" select="number(substring-before(concat($font-size-table, 'pt'), 'pt'))"/>
    <xsl:variable name="tbd" select="lv:text-width('coût à définir', $font-heading, $size) + 9"/>
    <xsl:choose>
      <xsl:when test="$actions[not(a:cout)] and $tbd &gt; 55.3">
        <xsl:value-of select="concat(format-number($tbd, '0.#'), 'pt')"/>
      </xsl:when>
      <xsl:otherwise>19.5mm</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The width in points of the widest word of $texts (words split at spaces, no-break ones
       included) at $size in the table font; 0 when there is none. -->
  <xsl:template name="widest-word">
    <xsl:param name="texts"/>
    <xsl:param name="size"/>
    <xsl:variable name="widths-rtf">
      <xsl:for-each select="$texts">
        <xsl:for-each select="str:tokenize(translate(string(.), '&#160;', ' '), ' ')">
          <t:w><xsl:value-of select="lv:text-width(string(.), $font-heading, $size)"/></t:w>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="widths" select="exsl:node-set($widths-rtf)/t:w[number(.) = number(.)]"/>
    <xsl:choose>
      <xsl:when test="$widths">
        <xsl:for-each select="$widths">
          <xsl:sort select="." data-type="number" order="descending"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The actions realised or abandoned, listed apart from the plan: their figures count in
       none of its totals. $actions: every action; nothing when none is closed. -->
  <xsl:template name="closed-actions">
    <xsl:param name="actions"/>
    <xsl:param name="by-site" select="false()"/>
    <xsl:variable name="closed" select="$actions[not(t:open(.))]"/>
    <xsl:if test="$closed">
      <xsl:variable name="done" select="count($closed[@statut = 'realisee'])"/>
      <xsl:variable name="dropped" select="count($closed[@statut = 'abandonnee'])"/>
      <d:section>
        <xsl:attribute name="title">
          <xsl:choose>
            <xsl:when test="$dropped = 0"><xsl:value-of select="t:plural($done, 'Action réalisée', 'Actions réalisées')"/></xsl:when>
            <xsl:when test="$done = 0"><xsl:value-of select="t:plural($dropped, 'Action abandonnée', 'Actions abandonnées')"/></xsl:when>
            <xsl:otherwise>Actions réalisées ou abandonnées</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <d:table cols="10mm auto auto auto 19.5mm">
          <d:head><d:cell>N°</d:cell><d:cell>Action</d:cell><d:cell>Porteur</d:cell>
            <d:cell>Statut</d:cell>
            <d:cell align="end"><xsl:value-of select="concat('Coût ', t:tax-of-actions($closed))"/></d:cell></d:head>
          <xsl:for-each select="$closed">
            <xsl:if test="$by-site and generate-id(ancestor::a:site) != generate-id(preceding::a:action[not(t:open(.))][1]/ancestor::a:site)">
              <d:row type="group"><d:cell><xsl:apply-templates select="ancestor::a:site/a:nom" mode="inline"/></d:cell></d:row>
            </xsl:if>
            <d:row>
              <d:cell><xsl:value-of select="@numero"/></d:cell>
              <!-- what a reader asks of a closed action: what it gave, or why it was
                   dropped; the source says it in the action's description, a sentence of
                   its own behind a run-in label ("Motif. Le projet a été abandonné…"): the
                   author's capital stands, and no second colon joins the label to it -->
              <d:cell>
                <xsl:choose>
                  <xsl:when test="a:description">
                    <d:p><d:strong><xsl:apply-templates select="a:titre" mode="inline"/></d:strong></d:p>
                    <d:p>
                      <d:em>
                        <xsl:choose>
                          <xsl:when test="@statut = 'abandonnee'">Motif.</xsl:when>
                          <xsl:otherwise>Résultat.</xsl:otherwise>
                        </xsl:choose>
                      </d:em>
                      <xsl:text> </xsl:text>
                      <xsl:apply-templates select="a:description" mode="inline"/>
                    </d:p>
                  </xsl:when>
                  <xsl:otherwise><xsl:apply-templates select="a:titre" mode="inline"/></xsl:otherwise>
                </xsl:choose>
              </d:cell>
              <d:cell><xsl:apply-templates select="a:porteur" mode="inline"/></d:cell>
              <d:cell><xsl:value-of select="t:label('statut', @statut)"/></d:cell>
              <!-- a closed action without a cost has none to define any more -->
              <d:cell align="end">
                <xsl:choose>
                  <xsl:when test="a:cout"><xsl:value-of select="t:amount(a:cout)"/></xsl:when>
                  <xsl:when test="@statut = 'abandonnee'">sans&#160;objet</xsl:when>
                  <xsl:otherwise>non&#160;chiffré</xsl:otherwise>
                </xsl:choose>
              </d:cell>
            </d:row>
          </xsl:for-each>
        </d:table>
        <d:caption>
          <xsl:value-of select="concat(t:plural(count($closed), 'Cette action n’est comptée', 'Ces actions ne sont comptées'),
              ' ni dans le nombre d’actions du plan, ni dans ses coûts, ni dans son plan de financement.')"/>
        </d:caption>
      </d:section>
    </xsl:if>
  </xsl:template>

  <!-- An action's cost, "coût à définir" when the source gives none. -->
  <xsl:template match="a:action" mode="cost">
    <xsl:choose>
      <xsl:when test="a:cout"><xsl:value-of select="t:amount(a:cout)"/></xsl:when>
      <xsl:otherwise>coût à définir</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cost in a table cell: "coût à définir" kept on one line. -->
  <xsl:template match="a:action" mode="cost-cell">
    <xsl:variable name="cost"><xsl:apply-templates select="." mode="cost"/></xsl:variable>
    <xsl:value-of select="translate($cost, ' ', '&#160;')"/>
  </xsl:template>

  <xsl:template match="a:action" mode="plan-row">
    <xsl:param name="detailed"/>
    <d:row>
      <d:cell><xsl:value-of select="@numero"/></d:cell>
      <d:cell>
        <xsl:choose>
          <!-- In the feuille de route the title links to its fiche. -->
          <xsl:when test="$detailed">
            <d:ref to="{t:action-id(.)}"><xsl:apply-templates select="a:titre" mode="inline"/></d:ref>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates select="a:titre" mode="inline"/></xsl:otherwise>
        </xsl:choose>
      </d:cell>
      <d:cell><xsl:apply-templates select="a:porteur" mode="inline"/></d:cell>
      <xsl:if test="$detailed">
        <d:cell><xsl:call-template name="comma-list"><xsl:with-param name="nodes" select="a:partenaires/a:partenaire"/></xsl:call-template></d:cell>
      </xsl:if>
      <!-- short labels on one line: a column sized by content must not break "Court terme" -->
      <d:cell><xsl:value-of select="translate(t:label('horizon', @horizon), ' ', '&#160;')"/></d:cell>
      <d:cell align="center"><xsl:value-of select="@priorite"/></d:cell>
      <d:cell align="end"><xsl:apply-templates select="." mode="cost-cell"/></d:cell>
    </d:row>
  </xsl:template>

  <!-- The phasing chart: each action still to carry out (neither realisee nor abandonnee)
       by year, from its start year over its duration, as its fiche says (the source gives
       a year, not a month: charts.xsl draws that year light); an action without a start
       year sits on its horizon, counted from the plan's first year. -->
  <xsl:template name="phasing-chart">
    <xsl:param name="actions"/>
    <xsl:variable name="open" select="$actions[@statut != 'realisee' and @statut != 'abandonnee']"/>
    <xsl:if test="$open">
      <xsl:variable name="first">
        <xsl:for-each select="$open/@debut">
          <xsl:sort select="." data-type="number"/>
          <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <!-- without any start year, the plan starts the year after the atelier's last step -->
      <xsl:variable name="base">
        <xsl:choose>
          <xsl:when test="string($first) != ''"><xsl:value-of select="$first"/></xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="$atelier/a:calendrier/a:etape/@debut | $atelier/a:calendrier/a:etape/@fin">
              <xsl:sort select="substring(., 1, 4)" data-type="number" order="descending"/>
              <xsl:if test="position() = 1"><xsl:value-of select="substring(., 1, 4) + 1"/></xsl:if>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <d:phasing>
        <xsl:attribute name="caption">
          <xsl:choose>
            <xsl:when test="count($open) != count($actions)">Phasage des actions en cours ou à lancer, selon leurs fiches</xsl:when>
            <xsl:otherwise>Phasage des actions, selon leurs fiches</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:for-each select="$open">
          <xsl:variable name="title"><xsl:apply-templates select="a:titre" mode="plain"/></xsl:variable>
          <d:item num="{@numero}" label="{normalize-space($title)}" priority="{@priorite}">
            <xsl:choose>
              <xsl:when test="@debut">
                <xsl:attribute name="start"><xsl:value-of select="@debut"/></xsl:attribute>
                <xsl:if test="@duree"><xsl:attribute name="months"><xsl:value-of select="@duree"/></xsl:attribute></xsl:if>
              </xsl:when>
              <xsl:otherwise>
                <!-- court: under 2 years; moyen: 2 to 5; long: beyond 5 (drawn over 2) -->
                <xsl:attribute name="start">
                  <xsl:value-of select="$base + 2 * number(@horizon = 'moyen') + 5 * number(@horizon = 'long')"/>
                </xsl:attribute>
                <xsl:attribute name="months">
                  <xsl:value-of select="24 + 12 * number(@horizon = 'moyen')"/>
                </xsl:attribute>
                <xsl:attribute name="horizon"><xsl:value-of select="t:label('horizon', @horizon)"/></xsl:attribute>
              </xsl:otherwise>
            </xsl:choose>
          </d:item>
        </xsl:for-each>
      </d:phasing>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
