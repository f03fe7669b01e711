<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Dashboard</name>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Alpaca connection</source>
        <translation>Alpaca-Verbindung</translation>
    </message>
    <message>
        <source>The Alpaca WebSocket connection state (alpaca_connection_status).</source>
        <translation>Der Zustand der Alpaca-WebSocket-Verbindung (alpaca_connection_status).</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Authenticated</source>
        <translation>Authentifiziert</translation>
    </message>
    <message>
        <source>Router state</source>
        <translation>Router-Zustand</translation>
    </message>
    <message>
        <source>From the health endpoint, polled every second; from datasource_router_state when it is unreachable.</source>
        <translation>Vom Health-Endpunkt, jede Sekunde abgefragt; aus datasource_router_state, wenn er nicht erreichbar ist.</translation>
    </message>
    <message>
        <source>Subscribed symbols</source>
        <translation>Abonnierte Symbole</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Health endpoint</source>
        <translation>Health-Endpunkt</translation>
    </message>
    <message>
        <source>The service&apos;s /api/health/alpaca status and its round trip.</source>
        <translation>Der Status von /api/health/alpaca des Dienstes und seine Antwortzeit.</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>Aktive Alarme</translation>
    </message>
    <message>
        <source>Firing alerts by severity, as Prometheus evaluates the rules.</source>
        <translation>Auslösende Alarme nach Schweregrad, wie Prometheus die Regeln auswertet.</translation>
    </message>
    <message>
        <source>None firing</source>
        <translation>Keiner aktiv</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Messages by type</source>
        <translation>Nachrichten nach Typ</translation>
    </message>
    <message>
        <source>Errors by type</source>
        <translation>Fehler nach Typ</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Recent router transitions</source>
        <translation>Letzte Router-Wechsel</translation>
    </message>
    <message>
        <source>Failovers in the time range: from primary to fallback (or both down) and back.</source>
        <translation>Failover im Zeitraum: von der primären Quelle zum Fallback (oder beide ausgefallen) und zurück.</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Most active symbols</source>
        <translation>Aktivste Symbole</translation>
    </message>
    <message>
        <source>Validation failures per 1,000 messages</source>
        <translation>Validierungsfehler pro 1.000 Nachrichten</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Price delta Alpaca vs Yahoo</source>
        <translation>Preisabweichung Alpaca gegenüber Yahoo</translation>
    </message>
    <message>
        <source>Per symbol, the difference between the Alpaca and Yahoo prices; rows over 5 % are marked.</source>
        <translation>Je Symbol die Differenz zwischen den Preisen von Alpaca und Yahoo; Zeilen über 5 % sind markiert.</translation>
    </message>
    <message>
        <source>Symbols that tripped the circuit breaker</source>
        <translation>Symbole, die den Circuit Breaker ausgelöst haben</translation>
    </message>
    <message>
        <source>No circuit breaker tripped in this time range.</source>
        <translation>In diesem Zeitraum hat kein Circuit Breaker ausgelöst.</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Latency P50 / P95 / P99</source>
        <translation>Latenz P50 / P95 / P99</translation>
    </message>
    <message>
        <source>End-to-end latency from Alpaca to the frontend; the dashed line is the 2 s SLO on P95.</source>
        <translation>Ende-zu-Ende-Latenz von Alpaca bis zum Frontend; die gestrichelte Linie ist das 2-s-SLO für P95.</translation>
    </message>
    <message>
        <source>P95 latency now</source>
        <translation>P95-Latenz jetzt</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <source>Messages per latency bucket and step: darker cells hold more messages.</source>
        <translation>Nachrichten je Latenzbereich und Schritt: dunklere Zellen enthalten mehr Nachrichten.</translation>
    </message>
    <message>
        <source>Slowest symbols (P95)</source>
        <translation>Langsamste Symbole (P95)</translation>
    </message>
    <message>
        <source>Processing and throughput</source>
        <translation>Verarbeitung und Durchsatz</translation>
    </message>
    <message>
        <source>Processing duration P50 / P95 / P99</source>
        <translation>Verarbeitungsdauer P50 / P95 / P99</translation>
    </message>
    <message>
        <source>Throughput by type</source>
        <translation>Durchsatz nach Typ</translation>
    </message>
    <message>
        <source>Health endpoint round trip</source>
        <translation>Antwortzeit des Health-Endpunkts</translation>
    </message>
    <message>
        <source>The round trip of each health poll since this console started (one a second).</source>
        <translation>Die Antwortzeit jeder Health-Abfrage seit dem Start dieser Konsole (eine pro Sekunde).</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Service level objectives</source>
        <translation>Service-Level-Ziele</translation>
    </message>
    <message>
        <source>Availability (30 days)</source>
        <translation>Verfügbarkeit (30 Tage)</translation>
    </message>
    <message>
        <source>Time the router was not BOTH_UNAVAILABLE over 30 days, against the 99.5 % objective.</source>
        <translation>Anteil der Zeit in 30 Tagen, in der der Router nicht BOTH_UNAVAILABLE war, gegenüber dem Ziel von 99,5 %.</translation>
    </message>
    <message>
        <source>Error budget left</source>
        <translation>Verbleibendes Fehlerbudget</translation>
    </message>
    <message>
        <source>Share of the 30-day error budget (0.5 % of the time, 216 minutes) not yet used; negative when overspent.</source>
        <translation>Noch nicht verbrauchter Anteil des 30-Tage-Fehlerbudgets (0,5 % der Zeit, 216 Minuten); negativ, wenn überzogen.</translation>
    </message>
    <message>
        <source>Error budget left (minutes)</source>
        <translation>Verbleibendes Fehlerbudget (Minuten)</translation>
    </message>
    <message>
        <source>Burn rate (1 h)</source>
        <translation>Verbrauchsrate (1 h)</translation>
    </message>
    <message>
        <source>How fast the budget burns: 1 lasts exactly 30 days; over 14.4 for an hour pages.</source>
        <translation>Wie schnell das Budget verbraucht wird: bei 1 reicht es genau 30 Tage; über 14,4 eine Stunde lang alarmiert.</translation>
    </message>
    <message>
        <source>Burn rate (6 h)</source>
        <translation>Verbrauchsrate (6 h)</translation>
    </message>
    <message>
        <source>Over 6 for six hours pages.</source>
        <translation>Über 6 sechs Stunden lang alarmiert.</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Betriebszeit</translation>
    </message>
    <message>
        <source>Failovers in range</source>
        <translation>Failover im Zeitraum</translation>
    </message>
    <message>
        <source>Recovery time P95</source>
        <translation>Wiederherstellungszeit P95</translation>
    </message>
    <message>
        <source>Time from a failure detected to the fallback serving, against the 30 s objective.</source>
        <translation>Zeit vom erkannten Ausfall bis zur Bedienung durch den Fallback, gegenüber dem Ziel von 30 s.</translation>
    </message>
    <message>
        <source>P95 latency (24 h)</source>
        <translation>P95-Latenz (24 h)</translation>
    </message>
    <message>
        <source>The latency objective: P95 under 2 s over 24 hours.</source>
        <translation>Das Latenzziel: P95 unter 2 s über 24 Stunden.</translation>
    </message>
    <message>
        <source>Where the time goes</source>
        <translation>Wohin die Zeit geht</translation>
    </message>
    <message>
        <source>Time in each router state</source>
        <translation>Zeit je Router-Zustand</translation>
    </message>
    <message>
        <source>Circuit breaker activations by symbol</source>
        <translation>Circuit-Breaker-Auslösungen nach Symbol</translation>
    </message>
    <message>
        <source>None in this time range</source>
        <translation>Keine in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Validation failures by reason</source>
        <translation>Validierungsfehler nach Grund</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Errors in the logs</source>
        <translation>Fehler in den Logs</translation>
    </message>
    <message>
        <source>Warning, Error and Fatal lines of the service in the minute before each point, by level (counted by Loki)</source>
        <translation>Warning-, Error- und Fatal-Zeilen des Dienstes in der Minute vor jedem Punkt, nach Level (von Loki gezählt)</translation>
    </message>
</context>
<context>
    <name>wf::AckDialog</name>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Until resolved</source>
        <translation>Bis behoben</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>What you are doing about it</source>
        <translation>Was Sie dagegen tun</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message numerus="yes">
        <source>Alerts to acknowledge: %n. Each becomes a silence in Alertmanager.</source>
        <translation>
            <numerusform>Zu quittierende Alarme: %n. Jeder wird eine Stummschaltung in Alertmanager.</numerusform>
            <numerusform>Zu quittierende Alarme: %n. Jeder wird eine Stummschaltung in Alertmanager.</numerusform>
        </translation>
    </message>
    <message>
        <source>“Until resolved” silences the alert until it resolves (at most %1 h); if it fires again, it alerts again.</source>
        <translation>„Bis behoben“ schaltet den Alarm stumm, bis er sich auflöst (höchstens %1 h); feuert er erneut, alarmiert er erneut.</translation>
    </message>
</context>
<context>
    <name>wf::AlertInbox</name>
    <message>
        <source>Alertmanager did not confirm the acknowledgement before it would have ended.</source>
        <translation>Alertmanager hat die Quittierung nicht bestätigt, bevor sie abgelaufen wäre.</translation>
    </message>
    <message>
        <source>Alertmanager lost this acknowledgement&apos;s silence; making it again.</source>
        <translation>Alertmanager hat die Stummschaltung dieser Quittierung verloren; sie wird neu angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>Alertmanager has not answered for %n s.</source>
        <translation>
            <numerusform>Alertmanager hat seit %n s nicht geantwortet.</numerusform>
            <numerusform>Alertmanager hat seit %n s nicht geantwortet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertInboxModel</name>
    <message>
        <source>firing</source>
        <translation>feuert</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>ack pending</source>
        <translation>Quittierung ausstehend</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>behoben</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Waiting for Alertmanager to confirm the silence.</source>
        <translation>Warte darauf, dass Alertmanager die Stummschaltung bestätigt.</translation>
    </message>
    <message>
        <source>Not confirmed yet, retrying: %1</source>
        <translation>Noch nicht bestätigt, neuer Versuch: %1</translation>
    </message>
    <message>
        <source>%1, until resolved</source>
        <translation>%1, bis behoben</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1, bis %2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Quittiert von</translation>
    </message>
    <message>
        <source>%1 (restored)</source>
        <translation>%1 (wiederhergestellt)</translation>
    </message>
    <message>
        <source>%1 — on %2 of %3</source>
        <translation>%1 — auf %2 von %3</translation>
    </message>
    <message>
        <source>%1 — not on %2</source>
        <translation>%1 — nicht auf %2</translation>
    </message>
</context>
<context>
    <name>wf::AlertNotifier</name>
    <message numerus="yes">
        <source>%n alerts firing</source>
        <translation>
            <numerusform>%n Alarm feuert</numerusform>
            <numerusform>%n Alarme feuern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertQualityModel</name>
    <message>
        <source>Episodes that began within %1 minutes of the previous one&apos;s end</source>
        <translation>Episoden, die innerhalb von %1 Minuten nach dem Ende der vorigen begannen</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Median duration</source>
        <translation>Median der Dauer</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Median time to acknowledge</source>
        <translation>Median bis zur Quittierung</translation>
    </message>
    <message>
        <source>Flapping</source>
        <translation>Flattern</translation>
    </message>
</context>
<context>
    <name>wf::AlertTray</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notify for &amp;critical alerts</source>
        <translation>Bei &amp;kritischen Alarmen benachrichtigen</translation>
    </message>
    <message>
        <source>Notify for &amp;warnings</source>
        <translation>Bei &amp;Warnungen benachrichtigen</translation>
    </message>
    <message>
        <source>Notify for &amp;info alerts</source>
        <translation>Bei &amp;Info-Alarmen benachrichtigen</translation>
    </message>
    <message>
        <source>Notify for alerts without a known &amp;severity</source>
        <translation>Bei Alarmen ohne bekannten &amp;Schweregrad benachrichtigen</translation>
    </message>
    <message>
        <source>Watchfloor: no alerts firing</source>
        <translation>Watchfloor: keine Alarme aktiv</translation>
    </message>
    <message numerus="yes">
        <source>Watchfloor: alerts firing: %n</source>
        <translation>
            <numerusform>Watchfloor: aktive Alarme: %n</numerusform>
            <numerusform>Watchfloor: aktive Alarme: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::AlertmanagerClient</name>
    <message>
        <source>Alertmanager sent an answer the console cannot read: %1</source>
        <translation>Alertmanager hat eine Antwort geschickt, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2).</source>
        <translation>kein JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>expected a list of alerts.</source>
        <translation>erwartet war eine Liste von Alarmen.</translation>
    </message>
    <message>
        <source>expected a list of alert groups.</source>
        <translation>erwartet war eine Liste von Alarmgruppen.</translation>
    </message>
    <message>
        <source>expected a list of silences.</source>
        <translation>erwartet war eine Liste von Stummschaltungen.</translation>
    </message>
    <message>
        <source>expected a silence.</source>
        <translation>erwartet war eine Stummschaltung.</translation>
    </message>
    <message>
        <source>no silenceID in the answer.</source>
        <translation>keine silenceID in der Antwort.</translation>
    </message>
    <message>
        <source>no versionInfo in the status.</source>
        <translation>keine versionInfo im Status.</translation>
    </message>
    <message>
        <source>Alertmanager refused the request (HTTP %1): %2</source>
        <translation>Alertmanager hat die Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>wf::AlertmanagerCluster</name>
    <message>
        <source>No Alertmanager is configured in this profile.</source>
        <translation>In diesem Profil ist kein Alertmanager eingetragen.</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n Alertmanager peers answered: %1</source>
        <translation>
            <numerusform>Der Alertmanager-Knoten hat nicht geantwortet: %1</numerusform>
            <numerusform>Keiner der %n Alertmanager-Knoten hat geantwortet: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n Alertmanager peers took it: %1</source>
        <translation>
            <numerusform>Der Alertmanager-Knoten hat es nicht angenommen: %1</numerusform>
            <numerusform>Keiner der %n Alertmanager-Knoten hat es angenommen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>All %n peers of the cluster answer.</source>
        <translation>
            <numerusform>Der Knoten des Clusters antwortet.</numerusform>
            <numerusform>Alle %n Knoten des Clusters antworten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 peers of the cluster answer. %3</source>
        <translation>%1 von %2 Knoten des Clusters antworten. %3</translation>
    </message>
</context>
<context>
    <name>wf::AlertsView</name>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Quittieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts as a silence in Alertmanager (Ctrl+Shift+A)</source>
        <translation>Die ausgewählten Alarme als Stummschaltung in Alertmanager quittieren (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>&amp;Un-acknowledge</source>
        <translation>Quittierung &amp;aufheben</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Expire the acknowledgement&apos;s silence (Ctrl+Shift+U)</source>
        <translation>Die Stummschaltung der Quittierung beenden (Strg+Umschalt+U)</translation>
    </message>
    <message>
        <source>Select an alert to see its labels, annotations and acknowledgement.</source>
        <translation>Wählen Sie einen Alarm, um Labels, Annotationen und Quittierung zu sehen.</translation>
    </message>
    <message>
        <source>Showing the alerts of %1.</source>
        <translation>Angezeigt werden die Alarme von %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n firing, updated %1</source>
        <translation>
            <numerusform>%n feuert, aktualisiert %1</numerusform>
            <numerusform>%n feuern, aktualisiert %1</numerusform>
        </translation>
    </message>
    <message>
        <source>until it resolves</source>
        <translation>bis er sich auflöst</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>Acknowledgement by %1 %2 is waiting for Alertmanager%3.</source>
        <translation>Quittierung durch %1 %2 wartet auf Alertmanager%3.</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>Acknowledged by %1 %2: “%3”.</source>
        <translation>Quittiert von %1 %2: „%3“.</translation>
    </message>
    <message>
        <source>Alert inbox</source>
        <translation>Alarm-Eingang</translation>
    </message>
    <message>
        <source>Filter: alertname=~&quot;Alpaca.*&quot; symbol=&quot;AAPL&quot; or words (Ctrl+F)</source>
        <translation>Filter: alertname=~&quot;Alpaca.*&quot; symbol=&quot;AAPL&quot; oder Wörter (Strg+F)</translation>
    </message>
    <message>
        <source>Label matchers as in Alertmanager (=, !=, =~, !~; regular expressions match the whole value) and words, which must appear in the alert name, a label value or the summary.</source>
        <translation>Label-Matcher wie in Alertmanager (=, !=, =~, !~; reguläre Ausdrücke müssen den ganzen Wert treffen) und Wörter, die im Alarmnamen, einem Label-Wert oder der Zusammenfassung vorkommen müssen.</translation>
    </message>
    <message>
        <source>Show critical alerts</source>
        <translation>Kritische Alarme zeigen</translation>
    </message>
    <message>
        <source>Show warnings</source>
        <translation>Warnungen zeigen</translation>
    </message>
    <message>
        <source>Show info alerts</source>
        <translation>Info-Alarme zeigen</translation>
    </message>
    <message>
        <source>Show alerts without a known severity</source>
        <translation>Alarme ohne bekannten Schweregrad zeigen</translation>
    </message>
    <message>
        <source>Show alerts silenced by others</source>
        <translation>Von anderen stummgeschaltete Alarme zeigen</translation>
    </message>
    <message>
        <source>Show alerts inhibited by another alert</source>
        <translation>Von einem anderen Alarm unterdrückte Alarme zeigen</translation>
    </message>
    <message>
        <source>Show alerts resolved in the last 15 minutes</source>
        <translation>In den letzten 15 Minuten behobene Alarme zeigen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Stummgeschaltet</translation>
    </message>
    <message>
        <source>Inhibited</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alarme</translation>
    </message>
    <message>
        <source>&amp;Silences</source>
        <translation>&amp;Stummschaltungen</translation>
    </message>
    <message>
        <source>&amp;New silence…</source>
        <translation>&amp;Neue Stummschaltung…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Create a silence in Alertmanager (Ctrl+Shift+N); with alerts selected, it starts from their labels</source>
        <translation>Eine Stummschaltung in Alertmanager anlegen (Strg+Umschalt+N); mit ausgewählten Alarmen beginnt sie mit deren Labels</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected silence (Alertmanager replaces it)</source>
        <translation>Die ausgewählte Stummschaltung ändern (Alertmanager ersetzt sie)</translation>
    </message>
    <message>
        <source>E&amp;xpire</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>End the selected silences now</source>
        <translation>Die ausgewählten Stummschaltungen jetzt beenden</translation>
    </message>
    <message>
        <source>Show e&amp;xpired</source>
        <translation>&amp;Abgelaufene zeigen</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;Could not expire: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Beenden nicht möglich: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&amp;Silences (%1)</source>
        <translation>&amp;Stummschaltungen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n aktiv</numerusform>
            <numerusform>%n aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n pending</source>
        <translation>
            <numerusform>, %n geplant</numerusform>
            <numerusform>, %n geplant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n expired</source>
        <translation>
            <numerusform>, %n abgelaufen</numerusform>
            <numerusform>, %n abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Last 7 days, per alert name, as this console saw it: %1 alerts fired. Flapping: began again within %2 minutes of ending. Kept for %3 days in %4.</source>
        <translation>Letzte 7 Tage je Alarmname, wie diese Konsole sie sah: %1 Alarme ausgelöst. Flattern: erneut begonnen innerhalb von %2 Minuten nach dem Ende. Aufbewahrt %3 Tage in %4.</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Last hour: %1</source>
        <translation>Letzte Stunde: %1</translation>
    </message>
    <message>
        <source>Prometheus: %1</source>
        <translation>Prometheus: %1</translation>
    </message>
    <message>
        <source>(no samples in the last hour)</source>
        <translation>(keine Werte in der letzten Stunde)</translation>
    </message>
    <message>
        <source>alert started</source>
        <translation>Alarm begann</translation>
    </message>
    <message>
        <source>Logs around this</source>
        <translation>Logs rund um diesen Alarm</translation>
    </message>
    <message>
        <source>Open the rule in Explore</source>
        <translation>Regel in „Erkunden“ öffnen</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;Alertmanager not answering&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Alertmanager antwortet nicht&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Alertmanager: %1</source>
        <translation>Alertmanager: %1</translation>
    </message>
    <message>
        <source>Listed by %1.</source>
        <translation>Gelistet von %1.</translation>
    </message>
    <message>
        <source>Its silence is on %1 of the %2 peers that answer: %3.</source>
        <translation>Seine Stummschaltung liegt auf %1 der %2 antwortenden Knoten: %3.</translation>
    </message>
    <message>
        <source>Not listed by %1 for more than one poll: the peers disagree (does every alert source reach every peer?).</source>
        <translation>Seit mehr als einer Abfrage nicht gelistet von %1: die Knoten sind uneins (erreicht jede Alarmquelle jeden Knoten?).</translation>
    </message>
    <message numerus="yes">
        <source>None shown: %n alert(s) hidden by the filter or the buttons above.</source>
        <translation>
            <numerusform>Keiner angezeigt: %n Alarm vom Filter oder den Schaltern oben ausgeblendet.</numerusform>
            <numerusform>Keiner angezeigt: %n Alarme vom Filter oder den Schaltern oben ausgeblendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was firing when Alertmanager last answered.</source>
        <translation>Als Alertmanager zuletzt antwortete, feuerte nichts.</translation>
    </message>
    <message>
        <source>No alerts known: Alertmanager has not answered yet.</source>
        <translation>Keine Alarme bekannt: Alertmanager hat noch nicht geantwortet.</translation>
    </message>
    <message>
        <source>Asking Alertmanager…</source>
        <translation>Frage Alertmanager …</translation>
    </message>
    <message>
        <source>Nothing is firing.</source>
        <translation>Nichts feuert.</translation>
    </message>
    <message>
        <source>No alert has fired in the last 7 days, as this console saw it.</source>
        <translation>In den letzten 7 Tagen hat kein Alarm gefeuert, soweit diese Konsole es gesehen hat.</translation>
    </message>
    <message>
        <source>No silences known: Alertmanager has not answered yet.</source>
        <translation>Keine Stummschaltungen bekannt: Alertmanager hat noch nicht geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>No active or pending silence. %n expired, hidden: tick &quot;Show expired&quot; to see them.</source>
        <translation>
            <numerusform>Keine aktive oder anstehende Stummschaltung. %n abgelaufene ausgeblendet: „Abgelaufene zeigen“ blendet sie ein.</numerusform>
            <numerusform>Keine aktive oder anstehende Stummschaltung. %n abgelaufene ausgeblendet: „Abgelaufene zeigen“ blendet sie ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>There was no silence when Alertmanager last answered.</source>
        <translation>Als Alertmanager zuletzt antwortete, gab es keine Stummschaltung.</translation>
    </message>
    <message>
        <source>No silence. Acknowledging an alert makes one; so does &quot;New silence…&quot;.</source>
        <translation>Keine Stummschaltung. Einen Alarm zu bestätigen legt eine an, ebenso „Neue Stummschaltung…“.</translation>
    </message>
</context>
<context>
    <name>wf::CommandLine</name>
    <message>
        <source>--profile: no profile named “%1”. %2</source>
        <translation>--profile: Kein Profil namens „%1“. %2</translation>
    </message>
    <message>
        <source>There are no profiles yet.</source>
        <translation>Es gibt noch keine Profile.</translation>
    </message>
    <message>
        <source>Known profiles: %1.</source>
        <translation>Bekannte Profile: %1.</translation>
    </message>
    <message>
        <source>--screenshot-dir: cannot create “%1”.</source>
        <translation>--screenshot-dir: „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>--%1: “%2” is not an http:// or https:// URL with a host (for example http://127.0.0.1:9090).</source>
        <translation>--%1: „%2“ ist keine http://- oder https://-URL mit Host (zum Beispiel http://127.0.0.1:9090).</translation>
    </message>
    <message>
        <source>Watchfloor — operations console for the MyTrader Alpaca streaming integration.</source>
        <translation>Watchfloor – Betriebskonsole für die MyTrader-Alpaca-Streaming-Integration.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Open the profile &lt;name&gt;.</source>
        <translation>Das Profil &lt;name&gt; öffnen.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Loki base URL (overrides the profile).</source>
        <translation>Basis-URL von Loki (ersetzt die des Profils).</translation>
    </message>
    <message>
        <source>Health endpoint URL of the service (overrides the profile).</source>
        <translation>URL des Health-Endpunkts des Dienstes (ersetzt die des Profils).</translation>
    </message>
    <message>
        <source>Open on the view &lt;name&gt;: %1.</source>
        <translation>Mit der Ansicht &lt;name&gt; starten: %1.</translation>
    </message>
    <message>
        <source>Render every view once its data has arrived, write &lt;dir&gt;/&lt;view&gt;.png and &lt;dir&gt;/&lt;view&gt;.json, then exit.</source>
        <translation>Jede Ansicht darstellen, sobald ihre Daten da sind, &lt;dir&gt;/&lt;view&gt;.png und &lt;dir&gt;/&lt;view&gt;.json schreiben und beenden.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>verz</translation>
    </message>
    <message>
        <source>Log level: trace, debug, info, warn, error, critical or off.</source>
        <translation>Protokollstufe: trace, debug, info, warn, error, critical oder off.</translation>
    </message>
    <message>
        <source>level</source>
        <translation>stufe</translation>
    </message>
    <message>
        <source>User interface language: %1 (default: the system&apos;s).</source>
        <translation>Sprache der Oberfläche: %1 (Vorgabe: die des Systems).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Run “watchfloor --help” for the options.</source>
        <translation>Die Optionen zeigt „watchfloor --help“.</translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>--profile needs a profile name.</source>
        <translation>--profile braucht einen Profilnamen.</translation>
    </message>
    <message>
        <source>--view: unknown view “%1”; choose one of %2.</source>
        <translation>--view: Unbekannte Ansicht „%1“; möglich sind %2.</translation>
    </message>
    <message>
        <source>--screenshot-dir needs a directory.</source>
        <translation>--screenshot-dir braucht ein Verzeichnis.</translation>
    </message>
    <message>
        <source>--log-level: unknown level “%1”; choose trace, debug, info, warn, error, critical or off.</source>
        <translation>--log-level: Unbekannte Stufe „%1“; möglich sind trace, debug, info, warn, error, critical oder off.</translation>
    </message>
    <message>
        <source>--lang: no translation for “%1”; available: %2.</source>
        <translation>--lang: Keine Übersetzung für „%1“; verfügbar: %2.</translation>
    </message>
    <message>
        <source>Start the demo stack (mytrader-sim, Prometheus, Alertmanager on free local ports) and open the console on it, with the Drill menu.</source>
        <translation>Den Demo-Stack starten (mytrader-sim, Prometheus, Alertmanager auf freien lokalen Ports) und die Konsole darauf öffnen, mit dem Übungsmenü.</translation>
    </message>
    <message>
        <source>--demo brings its own endpoints: it cannot be combined with --profile or an endpoint URL.</source>
        <translation>--demo bringt eigene Endpunkte mit: Es lässt sich nicht mit --profile oder einer Endpunkt-URL kombinieren.</translation>
    </message>
    <message>
        <source>Open in wall mode: full screen, large type, cycling through the views chosen in Settings (F11 or Esc leaves it).</source>
        <translation>Im Wandmodus öffnen: Vollbild, große Schrift, wechselt durch die in den Einstellungen gewählten Ansichten (F11 oder Esc beendet ihn).</translation>
    </message>
    <message>
        <source>Alertmanager base URL (overrides the profile); a cluster&apos;s peers separated by commas.</source>
        <translation>Alertmanager-Basis-URL (ersetzt die des Profils); die Knoten eines Clusters durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>url[,url…]</source>
        <translation>url[,url…]</translation>
    </message>
    <message>
        <source>Prometheus base URL (overrides the profile); an HA pair&apos;s replicas separated by commas.</source>
        <translation>Prometheus-Basis-URL (ersetzt die des Profils); die Replikate eines HA-Paars durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>With --demo: start &lt;n&gt; demo stacks (profiles demo-1 … demo-&lt;n&gt;, each its own seed) and show them side by side in the Environments view.</source>
        <translation>Mit --demo: &lt;n&gt; Demo-Stacks starten (Profile demo-1 … demo-&lt;n&gt;, jeder mit eigenem Seed) und sie in der Ansicht Umgebungen nebeneinander zeigen.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>--environments: give a number from 1 to %1.</source>
        <translation>--environments: geben Sie eine Zahl von 1 bis %1 an.</translation>
    </message>
    <message>
        <source>--environments starts demo stacks: use it with --demo.</source>
        <translation>--environments startet Demo-Stacks: verwenden Sie es mit --demo.</translation>
    </message>
    <message>
        <source>With --demo: the metrics backend, prometheus (the default) or victoriametrics (VictoriaMetrics, with vmalert for the alert rules).</source>
        <translation>Mit --demo: das Metrik-Backend, prometheus (Standard) oder victoriametrics (VictoriaMetrics, mit vmalert für die Alarmregeln).</translation>
    </message>
    <message>
        <source>backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>--metrics: give prometheus or victoriametrics, not “%1”.</source>
        <translation>--metrics: prometheus oder victoriametrics angeben, nicht „%1“.</translation>
    </message>
    <message>
        <source>--metrics chooses the demo&apos;s metrics backend: use it with --demo.</source>
        <translation>--metrics wählt das Metrik-Backend der Demo: zusammen mit --demo verwenden.</translation>
    </message>
    <message>
        <source>Use the dashboards of &lt;dir&gt; (Watchfloor JSON, imported Grafana dashboards) instead of the profile&apos;s dashboard folder, for this run.</source>
        <translation>Die Dashboards aus &lt;dir&gt; (Watchfloor-JSON, importierte Grafana-Dashboards) statt des Dashboard-Ordners des Profils verwenden, für diesen Lauf.</translation>
    </message>
    <message>
        <source>--dashboards needs a directory.</source>
        <translation>--dashboards braucht ein Verzeichnis.</translation>
    </message>
    <message>
        <source>--dashboards: “%1” is not a folder.</source>
        <translation>--dashboards: „%1“ ist kein Ordner.</translation>
    </message>
</context>
<context>
    <name>wf::DashboardLibrary</name>
    <message>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <source>%1 (%2.json in the dashboard folder)</source>
        <translation>%1 (%2.json im Dashboard-Ordner)</translation>
    </message>
</context>
<context>
    <name>wf::DashboardPanel</name>
    <message>
        <source>%1
Showing the data of %2.</source>
        <translation>%1
Angezeigt werden die Daten von %2.</translation>
    </message>
    <message>
        <source>No router state yet: neither the health endpoint nor Prometheus has answered.</source>
        <translation>Noch kein Router-Zustand: weder der Health-Endpunkt noch Prometheus hat geantwortet.</translation>
    </message>
    <message>
        <source>Copy query</source>
        <translation>Abfrage kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <source>Export “%1” as CSV</source>
        <translation>„%1“ als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren …</translation>
    </message>
    <message>
        <source>Export “%1” as PNG</source>
        <translation>„%1“ als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>“%1” has no data to export yet.</source>
        <translation>„%1“ hat noch keine Daten zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the image “%1”.</source>
        <translation>Das Bild „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Open in Explore</source>
        <translation>In „Erkunden“ öffnen</translation>
    </message>
    <message>
        <source>No data: Prometheus unreachable</source>
        <translation>Keine Daten: Prometheus nicht erreichbar</translation>
    </message>
    <message>
        <source>No data: Loki unreachable</source>
        <translation>Keine Daten: Loki nicht erreichbar</translation>
    </message>
    <message>
        <source>Export dashboard for Grafana…</source>
        <translation>Dashboard für Grafana exportieren…</translation>
    </message>
    <message>
        <source>The whole dashboard as Grafana JSON (Grafana 9 to 11)</source>
        <translation>Das ganze Dashboard als Grafana-JSON (Grafana 9 bis 11)</translation>
    </message>
</context>
<context>
    <name>wf::DashboardView</name>
    <message>
        <source>Failover</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Failover: %1</source>
        <translation>Failover: %1</translation>
    </message>
    <message>
        <source>Choose the values the panels show; none chosen shows all.</source>
        <translation>Wählen Sie die Werte, die die Panels zeigen; ohne Auswahl werden alle gezeigt.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>The log line&apos;s time</source>
        <translation>Die Zeit der Logzeile</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <source>Prometheus is not answering: %1 Next try in %n s.</source>
        <translation>
            <numerusform>Prometheus antwortet nicht: %1 Nächster Versuch in %n s.</numerusform>
            <numerusform>Prometheus antwortet nicht: %1 Nächster Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus is not answering: %1 Trying again…</source>
        <translation>Prometheus antwortet nicht: %1 Neuer Versuch läuft …</translation>
    </message>
    <message numerus="yes">
        <source>No answer from Prometheus for %n s</source>
        <translation>
            <numerusform>Seit %n s keine Antwort von Prometheus</numerusform>
            <numerusform>Seit %n s keine Antwort von Prometheus</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus is not answering</source>
        <translation>Prometheus antwortet nicht</translation>
    </message>
    <message numerus="yes">
        <source>No answer from Loki for %n s</source>
        <translation>
            <numerusform>Keine Antwort von Loki seit %n s</numerusform>
            <numerusform>Keine Antwort von Loki seit %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::DemoLauncher</name>
    <message>
        <source>Watchfloor demo</source>
        <translation>Watchfloor-Demo</translation>
    </message>
    <message>
        <source>Starting the demo stack…</source>
        <translation>Demo-Stack wird gestartet …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>wf::DemoStack</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory for the demo stack: %1</source>
        <translation>Für den Demo-Stack lässt sich kein temporäres Verzeichnis anlegen: %1</translation>
    </message>
    <message>
        <source>Cannot write the demo stack&apos;s configuration to %1.</source>
        <translation>Die Konfiguration des Demo-Stacks lässt sich nicht nach %1 schreiben.</translation>
    </message>
    <message>
        <source>%1 stopped while starting (exit code %2). Its last words:
%3</source>
        <translation>%1 hat sich beim Start beendet (Exit-Code %2). Die letzten Ausgaben:
%3</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 lässt sich nicht starten: %2</translation>
    </message>
    <message>
        <source>Writing the configuration…</source>
        <translation>Konfiguration wird geschrieben …</translation>
    </message>
    <message>
        <source>Starting Alertmanager…</source>
        <translation>Alertmanager wird gestartet …</translation>
    </message>
    <message>
        <source>Starting mytrader-sim…</source>
        <translation>mytrader-sim wird gestartet …</translation>
    </message>
    <message>
        <source>Starting Prometheus…</source>
        <translation>Prometheus wird gestartet …</translation>
    </message>
    <message>
        <source>Waiting until everything answers…</source>
        <translation>Warten, bis alles antwortet …</translation>
    </message>
    <message>
        <source>The demo stack did not answer within %1 s: %2.</source>
        <translation>Der Demo-Stack hat nicht innerhalb von %1 s geantwortet: %2.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2):
%3</source>
        <translation>%1 ist fehlgeschlagen (Exit-Code %2):
%3</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Simulating %1 days of history…</source>
        <translation>%1 Tage Verlauf werden simuliert …</translation>
    </message>
    <message>
        <source>Simulating the history</source>
        <translation>Simulation des Verlaufs</translation>
    </message>
    <message>
        <source>Backfilling the history into Prometheus…</source>
        <translation>Der Verlauf wird in Prometheus nachgeladen …</translation>
    </message>
    <message>
        <source>Backfilling the history (promtool)</source>
        <translation>Nachladen des Verlaufs (promtool)</translation>
    </message>
    <message>
        <source>The demo stack needs mytrader-sim, which is installed with watchfloor; looked in %1 and on PATH.</source>
        <translation>Der Demo-Stack braucht mytrader-sim, das mit watchfloor installiert wird; gesucht in %1 und im PATH.</translation>
    </message>
    <message>
        <source>Prometheus (the charts and the history)</source>
        <translation>Prometheus (die Diagramme und der Verlauf)</translation>
    </message>
    <message>
        <source>promtool (the 30 days of history)</source>
        <translation>promtool (die 30 Tage Verlauf)</translation>
    </message>
    <message>
        <source>Alertmanager (the alert inbox)</source>
        <translation>Alertmanager (der Alarmeingang)</translation>
    </message>
    <message>
        <source>The demo runs without %1: not installed. Install with: sudo apt-get install %2</source>
        <translation>Die Demo läuft ohne %1: nicht installiert. Installieren mit: sudo apt-get install %2</translation>
    </message>
    <message>
        <source>The demo on VictoriaMetrics needs victoria-metrics and vmalert, which are not installed. Install with: sudo apt-get install victoria-metrics</source>
        <translation>Die Demo auf VictoriaMetrics braucht victoria-metrics und vmalert, die nicht installiert sind. Installieren mit: sudo apt-get install victoria-metrics</translation>
    </message>
    <message>
        <source>Starting VictoriaMetrics…</source>
        <translation>VictoriaMetrics wird gestartet…</translation>
    </message>
    <message>
        <source>Starting vmalert…</source>
        <translation>vmalert wird gestartet…</translation>
    </message>
    <message>
        <source>Backfilling the history into VictoriaMetrics…</source>
        <translation>Der Verlauf wird in VictoriaMetrics nachgetragen…</translation>
    </message>
    <message>
        <source>Backfilling the history into VictoriaMetrics failed: %1 %2</source>
        <translation>Das Nachtragen des Verlaufs in VictoriaMetrics ist fehlgeschlagen: %1 %2</translation>
    </message>
    <message>
        <source>VictoriaMetrics did not flush the imported history: %1 %2</source>
        <translation>VictoriaMetrics hat den importierten Verlauf nicht geschrieben: %1 %2</translation>
    </message>
</context>
<context>
    <name>wf::DrillClient</name>
    <message>
        <source>The simulator sent an answer the console cannot read: %1</source>
        <translation>Der Simulator hat eine Antwort geschickt, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The simulator refused the drill: %1</source>
        <translation>Der Simulator hat die Übung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Alpaca disconnect</source>
        <translation>Alpaca-Verbindungsabbruch</translation>
    </message>
    <message>
        <source>Authentication failure</source>
        <translation>Authentifizierungsfehler</translation>
    </message>
    <message>
        <source>Latency spike</source>
        <translation>Latenzspitze</translation>
    </message>
    <message>
        <source>Invalid prices</source>
        <translation>Ungültige Preise</translation>
    </message>
    <message>
        <source>Price spike (circuit breaker)</source>
        <translation>Preissprung (Circuit Breaker)</translation>
    </message>
    <message>
        <source>Yahoo Finance down</source>
        <translation>Yahoo Finance ausgefallen</translation>
    </message>
    <message>
        <source>Both sources down</source>
        <translation>Beide Quellen ausgefallen</translation>
    </message>
    <message>
        <source>Stale stream</source>
        <translation>Stehender Datenstrom</translation>
    </message>
    <message>
        <source>not JSON (%1).</source>
        <translation>kein JSON (%1).</translation>
    </message>
    <message>
        <source>no list of drills.</source>
        <translation>keine Liste der Übungen.</translation>
    </message>
    <message>
        <source>no count of ended drills.</source>
        <translation>keine Anzahl beendeter Übungen.</translation>
    </message>
    <message>
        <source>no count of closed tails.</source>
        <translation>keine Anzahl geschlossener Tails.</translation>
    </message>
</context>
<context>
    <name>wf::DrillMenu</name>
    <message>
        <source>For 30 seconds</source>
        <translation>Für 30 Sekunden</translation>
    </message>
    <message>
        <source>For 1 minute</source>
        <translation>Für 1 Minute</translation>
    </message>
    <message>
        <source>For 5 minutes</source>
        <translation>Für 5 Minuten</translation>
    </message>
    <message>
        <source>For 15 minutes</source>
        <translation>Für 15 Minuten</translation>
    </message>
    <message>
        <source>For %1 s</source>
        <translation>Für %1 s</translation>
    </message>
    <message>
        <source>&amp;Drill</source>
        <translation>&amp;Übung</translation>
    </message>
    <message>
        <source>&amp;End all drills</source>
        <translation>Alle Übungen b&amp;eenden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Drills in force</source>
        <translation>Laufende Übungen</translation>
    </message>
    <message>
        <source>Simulator not reachable at %1</source>
        <translation>Simulator unter %1 nicht erreichbar</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 — %2 s left</source>
        <translation>%1 – noch %2 s</translation>
    </message>
    <message>
        <source>Drill: %1</source>
        <translation>Übung: %1</translation>
    </message>
    <message>
        <source>Restart &amp;Loki (away 5 s)</source>
        <translation>&amp;Loki neu starten (5 s weg)</translation>
    </message>
    <message>
        <source>Closes every live tail with code 1011, as Loki does when it shuts down, and answers “not ready” for five seconds.</source>
        <translation>Schließt jeden Live-Tail mit Code 1011, wie Loki beim Herunterfahren, und antwortet fünf Sekunden lang „nicht bereit“.</translation>
    </message>
</context>
<context>
    <name>wf::EndpointProbe</name>
    <message>
        <source>Not configured in this profile.</source>
        <translation>In diesem Profil nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Service reports %1 (HTTP %2, %3 ms).</source>
        <translation>Der Dienst meldet %1 (HTTP %2, %3 ms).</translation>
    </message>
    <message>
        <source>Ready (%1 ms).</source>
        <translation>Bereit (%1 ms).</translation>
    </message>
    <message>
        <source>Reachable but not ready yet (HTTP 503).</source>
        <translation>Erreichbar, aber noch nicht bereit (HTTP 503).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>reachable but not ready yet (HTTP 503).</source>
        <translation>erreichbar, aber noch nicht bereit (HTTP 503).</translation>
    </message>
    <message>
        <source>All %1 replicas ready (%2 ms).</source>
        <translation>Alle %1 Replikate bereit (%2 ms).</translation>
    </message>
    <message>
        <source>%1 of %2 replicas ready; queries go to the others. Not answering:
%3</source>
        <translation>%1 von %2 Replikaten bereit; Abfragen gehen an die anderen. Antworten nicht:
%3</translation>
    </message>
    <message>
        <source>No replica answers:
%1</source>
        <translation>Kein Replikat antwortet:
%1</translation>
    </message>
    <message>
        <source>VictoriaMetrics ready (%1 ms).</source>
        <translation>VictoriaMetrics bereit (%1 ms).</translation>
    </message>
</context>
<context>
    <name>wf::EndpointStatusModel</name>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Loki</source>
        <translation>Loki</translation>
    </message>
    <message>
        <source>Health endpoint</source>
        <translation>Health-Endpunkt</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Nicht eingerichtet</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Geprüft um</translation>
    </message>
    <message>
        <source>Answering requests again.</source>
        <translation>Beantwortet wieder Anfragen.</translation>
    </message>
    <message>
        <source>%1 (Its readiness check answers, but the views&apos; requests fail.)</source>
        <translation>%1 (Die Bereitschaftsprüfung antwortet, aber die Anfragen der Ansichten schlagen fehl.)</translation>
    </message>
</context>
<context>
    <name>wf::EnvironmentCard</name>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Double-click (or Enter) to open the profile “%1”</source>
        <translation>Doppelklick (oder Eingabe) öffnet das Profil „%1“</translation>
    </message>
    <message>
        <source>The router&apos;s last hour</source>
        <translation>Die letzte Stunde des Routers</translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation>Warte auf Daten…</translation>
    </message>
    <message>
        <source>Router state unknown</source>
        <translation>Router-Zustand unbekannt</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>Alerts: waiting for Alertmanager…</source>
        <translation>Alarme: warte auf Alertmanager…</translation>
    </message>
    <message>
        <source>Alerts: not known (Alertmanager does not answer)</source>
        <translation>Alarme: unbekannt (Alertmanager antwortet nicht)</translation>
    </message>
    <message>
        <source>%1 critical · %2 warning · %3 info</source>
        <translation>%1 kritisch · %2 Warnung · %3 Info</translation>
    </message>
    <message>
        <source>Availability: waiting for Prometheus…</source>
        <translation>Verfügbarkeit: warte auf Prometheus…</translation>
    </message>
    <message>
        <source>Availability: not known (Prometheus does not answer)</source>
        <translation>Verfügbarkeit: unbekannt (Prometheus antwortet nicht)</translation>
    </message>
    <message>
        <source>Availability (30 days) %1 · error budget left %2</source>
        <translation>Verfügbarkeit (30 Tage) %1 · verbleibendes Fehlerbudget %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>  since %1</source>
        <translation>  seit %1</translation>
    </message>
    <message>
        <source>%1
%2 – %3</source>
        <translation>%1
%2 – %3</translation>
    </message>
    <message>
        <source>Firing: %1</source>
        <translation>Aktiv: %1</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>wf::EnvironmentsView</name>
    <message>
        <source>No profiles yet. Add one in Settings (Ctrl+,), or start demo environments with “watchfloor --demo --environments 3”.</source>
        <translation>Noch keine Profile. Legen Sie eines in den Einstellungen an (Strg+,) oder starten Sie Demo-Umgebungen mit „watchfloor --demo --environments 3“.</translation>
    </message>
</context>
<context>
    <name>wf::ExploreView</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Add to &amp;dashboard…</source>
        <translation>Zum &amp;Dashboard hinzufügen…</translation>
    </message>
    <message>
        <source>PromQL, e.g. sum by (type) (rate(alpaca_messages_received_total[5m])) — Ctrl+Space completes, Ctrl+Enter runs</source>
        <translation>PromQL, z. B. sum by (type) (rate(alpaca_messages_received_total[5m])) — Strg+Leertaste ergänzt, Strg+Eingabe führt aus</translation>
    </message>
    <message>
        <source>Chart (range)</source>
        <translation>Diagramm (Zeitraum)</translation>
    </message>
    <message>
        <source>Table (instant)</source>
        <translation>Tabelle (Zeitpunkt)</translation>
    </message>
    <message>
        <source>Range: the query over the app&apos;s time range, as a chart. Instant: its value now, as a table.</source>
        <translation>Zeitraum: die Abfrage über den Zeitraum der App, als Diagramm. Zeitpunkt: ihr aktueller Wert, als Tabelle.</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation>Abfrage ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>No queries yet</source>
        <translation>Noch keine Abfragen</translation>
    </message>
    <message>
        <source>Write this query as a panel into a view&apos;s dashboard in your dashboard folder</source>
        <translation>Diese Abfrage als Panel in das Dashboard einer Ansicht in Ihrem Dashboard-Ordner schreiben</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Write a PromQL query and run it with Ctrl+Enter.</source>
        <translation>Schreiben Sie eine PromQL-Abfrage und führen Sie sie mit Strg+Eingabe aus.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Reihe</numerusform>
            <numerusform>%n Reihen</numerusform>
        </translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>Skalar</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message numerus="yes">
        <source>%n series (the first %1 shown)</source>
        <translation>
            <numerusform>%n Reihe (die ersten %1 angezeigt)</numerusform>
            <numerusform>%n Reihen (die ersten %1 angezeigt)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in %2 ms</source>
        <translation>%1 in %2 ms</translation>
    </message>
    <message>
        <source>Prometheus warns: %1</source>
        <translation>Prometheus warnt: %1</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Added to %1</source>
        <translation>Hinzugefügt zu %1</translation>
    </message>
    <message>
        <source>Write a query first.</source>
        <translation>Schreiben Sie zuerst eine Abfrage.</translation>
    </message>
    <message>
        <source>Choose a dashboard folder for this profile</source>
        <translation>Dashboard-Ordner für dieses Profil wählen</translation>
    </message>
    <message>
        <source>Add to dashboard</source>
        <translation>Zum Dashboard hinzufügen</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Ansicht:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>The panel goes to the “Explore” row of %1.</source>
        <translation>Das Panel kommt in die Zeile „Explore“ von %1.</translation>
    </message>
    <message>
        <source>The panel was not added: %1</source>
        <translation>Das Panel wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>ein Skalar</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
</context>
<context>
    <name>wf::FirstRun</name>
    <message>
        <source>Welcome to Watchfloor</source>
        <translation>Willkommen bei Watchfloor</translation>
    </message>
    <message>
        <source>There is no profile yet.</source>
        <translation>Es gibt noch kein Profil.</translation>
    </message>
    <message>
        <source>&amp;Create a profile…</source>
        <translation>Profil &amp;anlegen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>My environment</source>
        <translation>Meine Umgebung</translation>
    </message>
    <message>
        <source>A profile says where Prometheus, Alertmanager, Loki and the service&apos;s health endpoint are. Start the demo (a simulated service with its own Prometheus and Alertmanager, on this machine, stopped when you close the window), or describe your own environment.</source>
        <translation>Ein Profil sagt, wo Prometheus, Alertmanager, Loki und der Health-Endpunkt des Dienstes sind. Starten Sie die Demo (ein simulierter Dienst mit eigenem Prometheus und Alertmanager auf diesem Rechner, beendet, wenn Sie das Fenster schließen), oder beschreiben Sie Ihre eigene Umgebung.</translation>
    </message>
    <message>
        <source>Start the &amp;demo</source>
        <translation>&amp;Demo starten</translation>
    </message>
</context>
<context>
    <name>wf::GaugePanel</name>
    <message>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
</context>
<context>
    <name>wf::GettingStartedDialog</name>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Three things to try first</source>
        <translation>Drei Dinge zum Ausprobieren</translation>
    </message>
    <message>
        <source>On the demo stack everything below happens on this machine: a simulated service, a real Prometheus and a real Alertmanager.</source>
        <translation>Mit dem Demo-Stack geschieht alles Folgende auf diesem Rechner: ein simulierter Dienst, ein echtes Prometheus und ein echter Alertmanager.</translation>
    </message>
    <message>
        <source>The Drill menu comes with the demo stack: start Watchfloor with &lt;b&gt;watchfloor --demo&lt;/b&gt;.</source>
        <translation>Das Menü „Übung“ gibt es mit dem Demo-Stack: Starten Sie Watchfloor mit &lt;b&gt;watchfloor --demo&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>1. Run a drill and watch the failover</source>
        <translation>1. Eine Übung starten und das Umschalten verfolgen</translation>
    </message>
    <message>
        <source>Choose &lt;b&gt;Drill → Alpaca disconnect → For 1 minute&lt;/b&gt; and stay on &lt;b&gt;Operations&lt;/b&gt; (Ctrl+1). Within a fraction of a second the &lt;b&gt;Router state&lt;/b&gt; tile turns amber, &lt;i&gt;Fallback (Yahoo)&lt;/i&gt;; the failover is listed under &lt;b&gt;Recent router transitions&lt;/b&gt; and marked on every chart. When the drill ends, the router goes back to &lt;i&gt;Primary (Alpaca)&lt;/i&gt; after five healthy seconds.</source>
        <translation>Wählen Sie &lt;b&gt;Übung → Alpaca-Verbindungsabbruch → Für 1 Minute&lt;/b&gt; und bleiben Sie bei &lt;b&gt;Betrieb&lt;/b&gt; (Strg+1). Binnen Sekundenbruchteilen wird die Kachel &lt;b&gt;Router-Zustand&lt;/b&gt; gelb, &lt;i&gt;Ersatz (Yahoo)&lt;/i&gt;; das Umschalten steht unter &lt;b&gt;Letzte Router-Wechsel&lt;/b&gt; und ist in jedem Diagramm markiert. Nach dem Ende der Übung kehrt der Router nach fünf gesunden Sekunden zu &lt;i&gt;Primär (Alpaca)&lt;/i&gt; zurück.</translation>
    </message>
    <message>
        <source>2. Acknowledge the alert it raises</source>
        <translation>2. Den ausgelösten Alarm quittieren</translation>
    </message>
    <message>
        <source>A few seconds later &lt;b&gt;RouterOnFallback&lt;/b&gt; fires: the navigation says &lt;b&gt;Alerts (1)&lt;/b&gt;. Open &lt;b&gt;Alerts&lt;/b&gt; (Ctrl+5), select it and press &lt;b&gt;Acknowledge&lt;/b&gt; (Ctrl+Shift+A); choose &lt;i&gt;until resolved&lt;/i&gt;. The acknowledgement is a silence in Alertmanager with your name; it is kept until Alertmanager confirms it, and ends by itself when the alert resolves. Its &lt;b&gt;Runbook&lt;/b&gt; link opens the steps for this alert.</source>
        <translation>Einige Sekunden später feuert &lt;b&gt;RouterOnFallback&lt;/b&gt;: die Navigation zeigt &lt;b&gt;Alarme (1)&lt;/b&gt;. Öffnen Sie &lt;b&gt;Alarme&lt;/b&gt; (Strg+5), wählen Sie ihn und drücken Sie &lt;b&gt;Quittieren&lt;/b&gt; (Strg+Umschalt+A); wählen Sie &lt;i&gt;bis behoben&lt;/i&gt;. Die Quittierung ist eine Stummschaltung in Alertmanager mit Ihrem Namen; sie wird aufbewahrt, bis Alertmanager sie bestätigt, und endet von selbst, wenn der Alarm behoben ist. Der Link &lt;b&gt;Runbook&lt;/b&gt; öffnet die Schritte für diesen Alarm.</translation>
    </message>
    <message>
        <source>3. Read the logs around it</source>
        <translation>3. Die Logs rund um das Ereignis lesen</translation>
    </message>
    <message>
        <source>Double-click the failover in &lt;b&gt;Recent router transitions&lt;/b&gt;, or choose &lt;b&gt;Logs around this&lt;/b&gt; in the alert&apos;s details: &lt;b&gt;Logs&lt;/b&gt; opens on that window with half a minute either side — the disconnect, the router&apos;s transition, the reconnect attempts. &lt;b&gt;Live&lt;/b&gt; (Ctrl+L) follows new lines as they come.</source>
        <translation>Doppelklicken Sie das Umschalten unter &lt;b&gt;Letzte Router-Wechsel&lt;/b&gt; oder wählen Sie &lt;b&gt;Logs rund um diesen Alarm&lt;/b&gt; in den Details des Alarms: &lt;b&gt;Logs&lt;/b&gt; öffnet dieses Zeitfenster mit einer halben Minute davor und danach — der Verbindungsabbruch, der Wechsel des Routers, die Wiederverbindungsversuche. &lt;b&gt;Live&lt;/b&gt; (Strg+L) folgt neuen Zeilen, sobald sie kommen.</translation>
    </message>
</context>
<context>
    <name>wf::GrafanaExportFlow</name>
    <message>
        <source>Export “%1” as a Grafana dashboard</source>
        <translation>„%1“ als Grafana-Dashboard exportieren</translation>
    </message>
    <message>
        <source>Grafana dashboards (*.json)</source>
        <translation>Grafana-Dashboards (*.json)</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>„%1“ konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Written: %1

For Grafana 9 to 11: Dashboards → New → Import, then choose its Prometheus%2.</source>
        <translation>Geschrieben: %1

Für Grafana 9 bis 11: Dashboards → Neu → Importieren, dann sein Prometheus wählen%2.</translation>
    </message>
    <message>
        <source> (what Grafana shows differently: see the details)</source>
        <translation> (was Grafana anders zeigt: siehe Details)</translation>
    </message>
</context>
<context>
    <name>wf::GrafanaImportFlow</name>
    <message>
        <source>Import a Grafana dashboard</source>
        <translation>Ein Grafana-Dashboard importieren</translation>
    </message>
    <message>
        <source>Grafana dashboards (*.json);;All files (*)</source>
        <translation>Grafana-Dashboards (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>larger than 32 MB</source>
        <translation>größer als 32 MB</translation>
    </message>
    <message>
        <source>“%1” was not imported: %2</source>
        <translation>„%1“ wurde nicht importiert: %2</translation>
    </message>
    <message>
        <source>Choose a dashboard folder for this profile</source>
        <translation>Einen Dashboard-Ordner für dieses Profil wählen</translation>
    </message>
    <message>
        <source>“%1” is in the dashboard folder already. Replace it?</source>
        <translation>„%1“ ist bereits im Dashboard-Ordner. Ersetzen?</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>“%1”: %2 of %3 panels mapped. It is listed under Dashboards.</source>
        <translation>„%1“: %2 von %3 Panels übernommen. Es steht unter Dashboards.</translation>
    </message>
</context>
<context>
    <name>wf::HealthClient</name>
    <message>
        <source>The health endpoint sent an answer the console cannot read: %1</source>
        <translation>Der Health-Endpunkt hat eine Antwort geschickt, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>the body is empty.</source>
        <translation>der Inhalt ist leer.</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2).</source>
        <translation>kein JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>&quot;status&quot; is “%1”, not Healthy, Degraded or Unhealthy.</source>
        <translation>„status“ ist „%1“, nicht Healthy, Degraded oder Unhealthy.</translation>
    </message>
</context>
<context>
    <name>wf::Heatmap</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>wf::HeatmapPanel</name>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
</context>
<context>
    <name>wf::HttpClient</name>
    <message>
        <source>The health endpoint</source>
        <translation>Der Health-Endpunkt</translation>
    </message>
    <message>
        <source>%1 is not configured in this profile.</source>
        <translation>%1 ist in diesem Profil nicht eingerichtet.</translation>
    </message>
    <message>
        <source>%1 sent more than %2 MB for %3; narrow the query or the time range.</source>
        <translation>%1 hat mehr als %2 MB für %3 geschickt; schränken Sie die Abfrage oder den Zeitraum ein.</translation>
    </message>
    <message>
        <source>%1 did not answer %2 within %3 s — it is down, overloaded or unreachable.</source>
        <translation>%1 hat %2 nicht innerhalb von %3 s beantwortet – ausgefallen, überlastet oder nicht erreichbar.</translation>
    </message>
    <message>
        <source>The request to %1 was canceled.</source>
        <translation>Die Anfrage an %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The answer is an HTML page, not the API — is a proxy or login page in the way?</source>
        <translation>Die Antwort ist eine HTML-Seite, nicht die API – steht ein Proxy oder eine Anmeldeseite im Weg?</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2%3 for %4.</source>
        <translation>%1 hat mit HTTP %2%3 für %4 geantwortet.</translation>
    </message>
    <message>
        <source>Check the user name, password or token in the profile.</source>
        <translation>Prüfen Sie Benutzername, Passwort oder Token im Profil.</translation>
    </message>
    <message>
        <source>The server is rate limiting; the console backs off.</source>
        <translation>Der Server begrenzt die Anfragen; die Konsole wartet länger.</translation>
    </message>
    <message>
        <source>%1 redirected %2 to %3, another server. Watchfloor follows redirects only on the same server (scheme, host and port), so that the profile&apos;s credentials stay there — if the new address is right, put it in the profile.</source>
        <translation>%1 hat %2 auf %3 umgeleitet, einen anderen Server. Watchfloor folgt Umleitungen nur auf demselben Server (Schema, Host und Port), damit die Zugangsdaten des Profils dort bleiben – ist die neue Adresse richtig, tragen Sie sie im Profil ein.</translation>
    </message>
</context>
<context>
    <name>wf::InboxFilter</name>
    <message>
        <source>The value of %1 has no closing quote.</source>
        <translation>Dem Wert von %1 fehlt das schließende Anführungszeichen.</translation>
    </message>
    <message>
        <source>%1: not a valid regular expression: %2</source>
        <translation>%1: kein gültiger regulärer Ausdruck: %2</translation>
    </message>
</context>
<context>
    <name>wf::LogFileFollower</name>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>wf::LogFilterProxy</name>
    <message>
        <source>Not a valid regular expression: %1 (at character %2).</source>
        <translation>Kein gültiger regulärer Ausdruck: %1 (bei Zeichen %2).</translation>
    </message>
</context>
<context>
    <name>wf::LogModel</name>
    <message numerus="yes">
        <source>— Loki dropped lines here: %n —</source>
        <translation>
            <numerusform>— Loki hat hier Zeilen verworfen: %n —</numerusform>
            <numerusform>— Loki hat hier Zeilen verworfen: %n —</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>— lines may be missing here: the live tail was away —</source>
        <translation>— hier können Zeilen fehlen: der Live-Tail war unterbrochen —</translation>
    </message>
</context>
<context>
    <name>wf::LogsView</name>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Load &amp;older</source>
        <translation>&amp;Ältere laden</translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation>Re&amp;gex</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Groß/klein &amp;beachten</translation>
    </message>
    <message>
        <source>A LogQL query: a stream selector such as {app=&quot;mytrader-api&quot;} and line filters (|= &quot;text&quot;)</source>
        <translation>Eine LogQL-Abfrage: ein Stream-Selektor wie {app=&quot;mytrader-api&quot;} und Zeilenfilter (|= &quot;Text&quot;)</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Which end of the time range the limit takes its lines from</source>
        <translation>Von welchem Ende des Zeitraums das Limit seine Zeilen nimmt</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> Zeilen</translation>
    </message>
    <message>
        <source>Run the query over the time range (Ctrl+Return)</source>
        <translation>Die Abfrage über den Zeitraum ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>Follow new lines as the service writes them (Ctrl+L)</source>
        <translation>Neuen Zeilen folgen, während der Dienst sie schreibt (Strg+L)</translation>
    </message>
    <message>
        <source>Fetch the lines before the oldest one shown</source>
        <translation>Die Zeilen vor der ältesten angezeigten holen</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>Abfrage:</translation>
    </message>
    <message>
        <source>Filter the lines shown (Ctrl+F)</source>
        <translation>Die angezeigten Zeilen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Show or hide these lines</source>
        <translation>Diese Zeilen zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Select a line to see all its properties and its exception.</source>
        <translation>Wählen Sie eine Zeile, um alle ihre Eigenschaften und ihre Ausnahme zu sehen.</translation>
    </message>
    <message>
        <source>Asking Loki…</source>
        <translation>Loki wird gefragt …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Loki: %1</source>
        <translation>Loki: %1</translation>
    </message>
    <message>
        <source>Lines shown: %1 of %2</source>
        <translation>Angezeigte Zeilen: %1 von %2</translation>
    </message>
    <message>
        <source>oldest let go for the %1-line limit: %2</source>
        <translation>älteste für das Limit von %1 Zeilen verworfen: %2</translation>
    </message>
    <message>
        <source>live, %1 lines/s</source>
        <translation>live, %1 Zeilen/s</translation>
    </message>
    <message>
        <source>connecting the live tail…</source>
        <translation>Live-Tail wird verbunden …</translation>
    </message>
    <message>
        <source>live tail reconnecting: %1</source>
        <translation>Live-Tail verbindet neu: %1</translation>
    </message>
    <message>
        <source>live tail stopped: %1</source>
        <translation>Live-Tail angehalten: %1</translation>
    </message>
    <message>
        <source>New lines: %1 ↓</source>
        <translation>Neue Zeilen: %1 ↓</translation>
    </message>
    <message numerus="yes">
        <source>Loki could not deliver %n lines here (the tail fell behind).</source>
        <translation>
            <numerusform>Loki konnte hier %n Zeile nicht liefern (der Tail kam nicht nach).</numerusform>
            <numerusform>Loki konnte hier %n Zeilen nicht liefern (der Tail kam nicht nach).</numerusform>
        </translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>&amp;Copy line</source>
        <translation>Zeile &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>&amp;Export the lines shown…</source>
        <translation>Angezeigte Zeilen &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export the lines shown</source>
        <translation>Angezeigte Zeilen exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON-Zeilen (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Show &amp;metrics at this time</source>
        <translation>&amp;Metriken zu dieser Zeit zeigen</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>filtering…</source>
        <translation>wird gefiltert …</translation>
    </message>
    <message>
        <source>Your last queries for this profile</source>
        <translation>Ihre letzten Abfragen für dieses Profil</translation>
    </message>
    <message>
        <source>La&amp;bels</source>
        <translation>Lab&amp;els</translation>
    </message>
    <message>
        <source>Pick a label and a value from Loki: it goes into the query&apos;s stream selector</source>
        <translation>Ein Label und einen Wert von Loki wählen: sie kommen in den Stream-Selektor der Abfrage</translation>
    </message>
    <message>
        <source>No Loki in this profile</source>
        <translation>Kein Loki in diesem Profil</translation>
    </message>
    <message>
        <source>Any value (remove)</source>
        <translation>Beliebiger Wert (entfernen)</translation>
    </message>
    <message>
        <source>Loki has no labels in this time range</source>
        <translation>Loki hat in diesem Zeitraum keine Labels</translation>
    </message>
    <message>
        <source>Show con&amp;text</source>
        <translation>Kon&amp;text zeigen</translation>
    </message>
    <message>
        <source>The lines before and after this one from the same stream</source>
        <translation>Die Zeilen vor und nach dieser aus demselben Stream</translation>
    </message>
    <message>
        <source>Context of the line at %1</source>
        <translation>Kontext der Zeile um %1</translation>
    </message>
    <message>
        <source>Asking Loki for the lines around it in %1…</source>
        <translation>Loki wird nach den Zeilen darum herum in %1 gefragt …</translation>
    </message>
    <message>
        <source>%1 lines of %2 around the selected one.</source>
        <translation>%1 Zeilen von %2 um die gewählte herum.</translation>
    </message>
    <message>
        <source>Lines over time by level: click a bar or drag over several to look at that time</source>
        <translation>Zeilen über die Zeit nach Stufe: einen Balken anklicken oder über mehrere ziehen, um diese Zeit anzusehen</translation>
    </message>
    <message>
        <source>Open &amp;file…</source>
        <translation>&amp;Datei öffnen …</translation>
    </message>
    <message>
        <source>Back to Lo&amp;ki</source>
        <translation>Zurück zu Lo&amp;ki</translation>
    </message>
    <message>
        <source>Show a log file the service wrote and follow it as it grows (Ctrl+O)</source>
        <translation>Eine Logdatei des Dienstes zeigen und ihr folgen, während sie wächst (Strg+O)</translation>
    </message>
    <message>
        <source>Open a log file</source>
        <translation>Eine Logdatei öffnen</translation>
    </message>
    <message>
        <source>Log files (*.log *.json *.jsonl *.txt);;All files (*)</source>
        <translation>Logdateien (*.log *.json *.jsonl *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Following %1</source>
        <translation>Folgt %1</translation>
    </message>
    <message>
        <source>live tail reconnecting — attempt %1, next in %2 s: %3</source>
        <translation>Live-Tail verbindet neu — Versuch %1, nächster in %2 s: %3</translation>
    </message>
    <message numerus="yes">
        <source>Asking Loki… no answer for %n s</source>
        <translation>
            <numerusform>Frage Loki… seit %n s keine Antwort</numerusform>
            <numerusform>Frage Loki… seit %n s keine Antwort</numerusform>
        </translation>
    </message>
    <message>
        <source>(last time: %1)</source>
        <translation>(letztes Mal: %1)</translation>
    </message>
    <message>
        <source>a message of the tail was skipped: %1</source>
        <translation>eine Nachricht des Live-Tails wurde übersprungen: %1</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Filtere …</translation>
    </message>
    <message numerus="yes">
        <source>None of the %n line(s) matches the filter or the levels shown.</source>
        <translation>
            <numerusform>Die %n Zeile passt nicht zum Filter oder zu den gezeigten Stufen.</numerusform>
            <numerusform>Keine der %n Zeilen passt zum Filter oder zu den gezeigten Stufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No lines read: %1</source>
        <translation>Keine Zeilen gelesen: %1</translation>
    </message>
    <message>
        <source>No lines: Loki did not answer (the status line below says why).</source>
        <translation>Keine Zeilen: Loki hat nicht geantwortet (die Statuszeile unten sagt, warum).</translation>
    </message>
    <message>
        <source>No lines in %1 yet; new ones appear as they are written.</source>
        <translation>Noch keine Zeilen in %1; neue erscheinen, sobald sie geschrieben werden.</translation>
    </message>
    <message>
        <source>No lines in this time range for this query; new ones appear as they arrive.</source>
        <translation>Keine Zeilen für diese Abfrage in diesem Zeitraum; neue erscheinen, sobald sie ankommen.</translation>
    </message>
    <message>
        <source>No lines in this time range for this query.</source>
        <translation>Keine Zeilen für diese Abfrage in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>wf::LokiClient</name>
    <message>
        <source>“%1” is not a valid label name.</source>
        <translation>„%1“ ist kein gültiger Label-Name.</translation>
    </message>
    <message>
        <source>Loki sent an answer the console cannot read: %1</source>
        <translation>Loki hat eine Antwort geschickt, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>the body is empty.</source>
        <translation>der Inhalt ist leer.</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2).</source>
        <translation>kein JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>Loki refused the request: %1</source>
        <translation>Loki hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>no &quot;status&quot;: &quot;success&quot;, so this is not Loki&apos;s API.</source>
        <translation>kein „status“: „success“, das ist also nicht die API von Loki.</translation>
    </message>
    <message>
        <source>a log entry is not [&quot;&lt;nanoseconds&gt;&quot;, &quot;&lt;line&gt;&quot;].</source>
        <translation>ein Log-Eintrag ist nicht [&quot;&lt;Nanosekunden&gt;&quot;, &quot;&lt;Zeile&gt;&quot;].</translation>
    </message>
    <message>
        <source>the timestamp &quot;%1&quot; is not nanoseconds.</source>
        <translation>der Zeitstempel „%1“ ist keine Nanosekundenangabe.</translation>
    </message>
    <message>
        <source>a sample is not [time, &quot;value&quot;].</source>
        <translation>ein Messwert ist nicht [Zeit, &quot;Wert&quot;].</translation>
    </message>
    <message>
        <source>a scalar is not [time, &quot;value&quot;].</source>
        <translation>ein Skalar ist nicht [Zeit, &quot;Wert&quot;].</translation>
    </message>
    <message>
        <source>unknown result type &quot;%1&quot;.</source>
        <translation>unbekannter Ergebnistyp „%1“.</translation>
    </message>
    <message>
        <source>&quot;data&quot; is not a list.</source>
        <translation>„data“ ist keine Liste.</translation>
    </message>
    <message>
        <source>a dropped entry has no nanosecond timestamp.</source>
        <translation>ein verworfener Eintrag hat keinen Nanosekunden-Zeitstempel.</translation>
    </message>
    <message>
        <source>Loki refused the request (HTTP %1): %2</source>
        <translation>Loki hat die Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>a tail message without a list of streams.</source>
        <translation>eine Tail-Nachricht ohne Liste von Streams.</translation>
    </message>
</context>
<context>
    <name>wf::LokiTail</name>
    <message>
        <source>Loki did not accept the tail connection within %1 s.</source>
        <translation>Loki hat die Tail-Verbindung nicht innerhalb von %1 s angenommen.</translation>
    </message>
    <message>
        <source>Loki stopped answering pings for %1 s.</source>
        <translation>Loki hat %1 s lang nicht auf Pings geantwortet.</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbinde erneut</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>No Loki URL in this profile.</source>
        <translation>Dieses Profil hat keine Loki-URL.</translation>
    </message>
    <message>
        <source>The tail connection was lost: %1</source>
        <translation>Die Tail-Verbindung ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>Loki refused the tail at %1 (HTTP %2): check the tenant and the credentials in the profile.</source>
        <translation>Loki hat den Tail unter %1 abgelehnt (HTTP %2): Prüfen Sie Mandant und Zugangsdaten im Profil.</translation>
    </message>
    <message>
        <source>Loki answered the tail request at %1 with HTTP %2.</source>
        <translation>Loki hat die Tail-Anfrage unter %1 mit HTTP %2 beantwortet.</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Cannot open the tail at %1: %2</source>
        <translation>Der Tail unter %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>Loki closed the tail with an internal error.</source>
        <translation>Loki hat den Tail mit einem internen Fehler geschlossen.</translation>
    </message>
    <message>
        <source>Loki refused the tail: %1</source>
        <translation>Loki hat den Tail abgelehnt: %1</translation>
    </message>
    <message>
        <source>The tail connection was closed (code %1).</source>
        <translation>Die Tail-Verbindung wurde geschlossen (Code %1).</translation>
    </message>
    <message>
        <source>Loki closed the tail (code %1): %2</source>
        <translation>Loki hat den Tail geschlossen (Code %1): %2</translation>
    </message>
    <message>
        <source>Loki closed the tail: %1</source>
        <translation>Loki hat den Tail geschlossen: %1</translation>
    </message>
    <message>
        <source>%1 Checking the query…</source>
        <translation>%1 Die Abfrage wird geprüft …</translation>
    </message>
    <message>
        <source>Loki rejects the query: %1</source>
        <translation>Loki weist die Abfrage zurück: %1</translation>
    </message>
    <message>
        <source>connection refused — is Loki running, and is the port right?</source>
        <translation>Verbindung abgelehnt — läuft Loki, und stimmt der Port?</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>Loki closed the connection</source>
        <translation>Loki hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der Zeit</translation>
    </message>
    <message>
        <source>Loki sent a tail message over %1 MB; the tail was closed and opens again.</source>
        <translation>Loki hat eine Tail-Nachricht über %1 MB gesendet; der Tail wurde geschlossen und öffnet sich wieder.</translation>
    </message>
</context>
<context>
    <name>wf::MainWindow</name>
    <message>
        <source>Watchfloor</source>
        <translation>Watchfloor</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Watchfloor</source>
        <translation>Ü&amp;ber Watchfloor</translation>
    </message>
    <message>
        <source>About Watchfloor</source>
        <translation>Über Watchfloor</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Watchfloor %1&lt;/h3&gt;&lt;p&gt;Operations console for the MyTrader Alpaca streaming integration: dashboards, router failovers, alerts, logs and runbooks in one native window.&lt;/p&gt;&lt;p&gt;Log file: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Watchfloor %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für die MyTrader-Alpaca-Streaming-Integration: Dashboards, Router-Failover, Alarme, Logs und Runbooks in einem nativen Fenster.&lt;/p&gt;&lt;p&gt;Protokolldatei: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Top bar</source>
        <translation>Obere Leiste</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>The environment this console watches</source>
        <translation>Die Umgebung, die diese Konsole überwacht</translation>
    </message>
    <message>
        <source>Refresh:</source>
        <translation>Aktualisieren:</translation>
    </message>
    <message>
        <source>How often the visible view refreshes</source>
        <translation>Wie oft die sichtbare Ansicht aktualisiert wird</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>%1 — Watchfloor</source>
        <translation>%1 – Watchfloor</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft um %1</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>Router</translation>
    </message>
    <message>
        <source>Router: …</source>
        <translation>Router: …</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>Waiting for the health endpoint.</source>
        <translation>Warten auf den Health-Endpunkt.</translation>
    </message>
    <message>
        <source>Router: unknown</source>
        <translation>Router: unbekannt</translation>
    </message>
    <message>
        <source>no health endpoint</source>
        <translation>kein Health-Endpunkt</translation>
    </message>
    <message>
        <source>This profile has no health endpoint, which reports the router state.</source>
        <translation>Dieses Profil hat keinen Health-Endpunkt, der den Router-Zustand meldet.</translation>
    </message>
    <message>
        <source>health endpoint unreachable</source>
        <translation>Health-Endpunkt nicht erreichbar</translation>
    </message>
    <message>
        <source>the service&apos;s start</source>
        <translation>dem Start des Dienstes</translation>
    </message>
    <message>
        <source>Router: %1</source>
        <translation>Router: %1</translation>
    </message>
    <message>
        <source>%1 since %2%3. Service %4, health round trip %5 ms.</source>
        <translation>%1 seit %2%3. Dienst %4, Antwortzeit des Health-Endpunkts %5 ms.</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Firing: %1 — %2</source>
        <translation>Feuert: %1 — %2</translation>
    </message>
    <message>
        <source>Firing: %1</source>
        <translation>Feuert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Endpoints unreachable: %n — hover the status lights for details.</source>
        <translation>
            <numerusform>Nicht erreichbare Endpunkte: %n — Details an den Statuslampen.</numerusform>
            <numerusform>Nicht erreichbare Endpunkte: %n — Details an den Statuslampen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoomed in. Double-click a chart to go back.</source>
        <translation>Vergrößert. Doppelklick auf ein Diagramm geht zurück.</translation>
    </message>
    <message>
        <source>Dashboard folder: %1</source>
        <translation>Dashboard-Ordner: %1</translation>
    </message>
    <message>
        <source>Your dashboards: %1</source>
        <translation>Ihre Dashboards: %1</translation>
    </message>
    <message>
        <source>Logs from %1 to %2</source>
        <translation>Logs von %1 bis %2</translation>
    </message>
    <message>
        <source>Metrics around %1, marked on the charts. Double-click a chart to go back.</source>
        <translation>Metriken um %1, in den Diagrammen markiert. Doppelklick auf ein Diagramm geht zurück.</translation>
    </message>
    <message>
        <source>The profile was not saved: %1</source>
        <translation>Das Profil wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>This alert&apos;s runbook “%1” is not known here.</source>
        <translation>Das Runbook „%1“ dieses Alarms ist hier nicht bekannt.</translation>
    </message>
    <message>
        <source>Alertmanager lost the acknowledgement of %1 by %2; it is being restored.</source>
        <translation>Alertmanager hat die Quittierung von %1 durch %2 verloren; sie wird wiederhergestellt.</translation>
    </message>
    <message>
        <source>Acknowledgement restored</source>
        <translation>Quittierung wiederhergestellt</translation>
    </message>
    <message>
        <source>The acknowledgement of %1 was taken back in Alertmanager by another client.</source>
        <translation>Die Quittierung von %1 wurde in Alertmanager von einem anderen Client zurückgenommen.</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>Start &amp;demo stack</source>
        <translation>&amp;Demo-Stack starten</translation>
    </message>
    <message>
        <source>A simulated service with its own Prometheus and Alertmanager on this machine, with drills; stopped when the window closes</source>
        <translation>Ein simulierter Dienst mit eigenem Prometheus und Alertmanager auf diesem Rechner, mit Übungen; beendet, wenn das Fenster schließt</translation>
    </message>
    <message>
        <source>%1 (not saved)</source>
        <translation>%1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Show the &amp;demo</source>
        <translation>&amp;Demo zeigen</translation>
    </message>
    <message>
        <source>Live tail: %1</source>
        <translation>Live-Tail: %1</translation>
    </message>
    <message>
        <source>%1 (as of %2)</source>
        <translation>%1 (Stand %2)</translation>
    </message>
    <message>
        <source>%1 Last reported at %2.</source>
        <translation>%1 Zuletzt gemeldet um %2.</translation>
    </message>
    <message>
        <source>&amp;Wall mode</source>
        <translation>&amp;Wandmodus</translation>
    </message>
    <message>
        <source>Full screen, large type, no menus, cycling through the views chosen in Settings</source>
        <translation>Vollbild, große Schrift, keine Menüs, wechselt durch die in den Einstellungen gewählten Ansichten</translation>
    </message>
    <message>
        <source>Leave wall mode</source>
        <translation>Wandmodus beenden</translation>
    </message>
    <message>
        <source>Weekly SLO &amp;report…</source>
        <translation>Wöchentlicher SLO-&amp;Bericht…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>This profile&apos;s weekly SLO report: availability, failovers, incidents, alert review (Ctrl+Shift+R)</source>
        <translation>Der wöchentliche SLO-Bericht dieses Profils: Verfügbarkeit, Failover, Vorfälle, Alarm-Review (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>&amp;Import Grafana dashboard…</source>
        <translation>Grafana-Dashboard &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Time range %1: the dashboard&apos;s own</source>
        <translation>Zeitraum %1: der eigene des Dashboards</translation>
    </message>
    <message>
        <source>E&amp;xport dashboard for Grafana…</source>
        <translation>Dashboard für Grafana e&amp;xportieren…</translation>
    </message>
    <message>
        <source>This view is not a dashboard: open Operations, Performance, Reliability, Business or one under Dashboards to export it.</source>
        <translation>Diese Ansicht ist kein Dashboard: Betrieb, Leistung, Zuverlässigkeit, Geschäft oder eines unter „Dashboards“ öffnen, um es zu exportieren.</translation>
    </message>
    <message>
        <source>There is no embedded runbook “%1”.</source>
        <translation>Es gibt kein eingebettetes Runbook „%1“.</translation>
    </message>
</context>
<context>
    <name>wf::Network</name>
    <message>
        <source>Connection refused by %1 — is the service running, and is the port right?</source>
        <translation>Verbindung von %1 abgelehnt – läuft der Dienst, und stimmt der Port?</translation>
    </message>
    <message>
        <source>Host not found for %1 — check the host name in the profile.</source>
        <translation>Host für %1 nicht gefunden – prüfen Sie den Hostnamen im Profil.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s — the service is down or too slow.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s – der Dienst ist ausgefallen oder zu langsam.</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed — check the CA file in the profile (%2).</source>
        <translation>TLS-Handshake mit %1 fehlgeschlagen – prüfen Sie die CA-Datei im Profil (%2).</translation>
    </message>
    <message>
        <source>%1 refused the credentials (HTTP 401) — check user name, password or token.</source>
        <translation>%1 hat die Anmeldedaten abgelehnt (HTTP 401) – prüfen Sie Benutzername, Passwort oder Token.</translation>
    </message>
    <message>
        <source>%1 denied access (HTTP 403) — the credentials lack permission.</source>
        <translation>%1 verweigert den Zugriff (HTTP 403) – den Anmeldedaten fehlt die Berechtigung.</translation>
    </message>
    <message>
        <source>%1 was not found (HTTP 404) — check the URL&apos;s path.</source>
        <translation>%1 wurde nicht gefunden (HTTP 404) – prüfen Sie den Pfad der URL.</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>Request to %1 failed: %2</source>
        <translation>Anfrage an %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>wf::NoAnswerPage</name>
    <message>
        <source>Open the profile&apos;s &amp;settings…</source>
        <translation>&amp;Einstellungen des Profils öffnen …</translation>
    </message>
    <message>
        <source>Start the &amp;demo instead</source>
        <translation>Stattdessen die &amp;Demo starten</translation>
    </message>
    <message>
        <source>Show the &amp;views anyway</source>
        <translation>&amp;Ansichten trotzdem zeigen</translation>
    </message>
    <message>
        <source>not asked yet</source>
        <translation>noch nicht gefragt</translation>
    </message>
    <message>
        <source>Nothing has answered for the profile “%1” yet</source>
        <translation>Für das Profil „%1“ hat noch nichts geantwortet</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every endpoint of this profile was asked; none answered:&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;They are asked again every 10 seconds, and the views come back by themselves when one answers. Check the addresses (and a VPN or tunnel they need), or try everything on this machine with the demo.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jeder Endpunkt dieses Profils wurde gefragt; keiner hat geantwortet:&lt;/p&gt;&lt;table&gt;%1&lt;/table&gt;&lt;p&gt;Sie werden alle 10 Sekunden erneut gefragt, und die Ansichten kommen von selbst zurück, sobald einer antwortet. Prüfen Sie die Adressen (und ein VPN oder einen Tunnel, den sie brauchen), oder probieren Sie alles mit der Demo auf diesem Rechner aus.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>wf::PanelFrame</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Answered by the replica %1: the first did not answer.</source>
        <translation>Beantwortet vom Replikat %1: das erste hat nicht geantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) filled in from the replica %1: the one that answered has a hole there (it was down).</source>
        <translation>
            <numerusform>%n Punkt vom Replikat %1 ergänzt: das antwortende hat dort eine Lücke (es war nicht erreichbar).</numerusform>
            <numerusform>%n Punkte vom Replikat %1 ergänzt: das antwortende hat dort eine Lücke (es war nicht erreichbar).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The chart ends %n second(s) before now: VictoriaMetrics shows points that new later (its -search.latencyOffset). The values shown as now are current.</source>
        <translation>
            <numerusform>Das Diagramm endet %n Sekunde vor jetzt: VictoriaMetrics zeigt so neue Punkte erst später (sein -search.latencyOffset). Die als „jetzt“ gezeigten Werte sind aktuell.</numerusform>
            <numerusform>Das Diagramm endet %n Sekunden vor jetzt: VictoriaMetrics zeigt so neue Punkte erst später (sein -search.latencyOffset). Die als „jetzt“ gezeigten Werte sind aktuell.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::PlaceholderView</name>
    <message>
        <source>This view is not built yet. It will show:</source>
        <translation>Diese Ansicht ist noch nicht gebaut. Sie wird zeigen:</translation>
    </message>
    <message>
        <source>Tiles for the Alpaca connection, authentication, router state, subscribed symbols, messages per second, error rate, health endpoint status and round-trip, and active alerts by severity; the router state timeline; messages and errors by type; recent router transitions.</source>
        <translation>Kacheln für Alpaca-Verbindung, Authentifizierung, Router-Zustand, abonnierte Symbole, Nachrichten pro Sekunde, Fehlerquote, Status und Antwortzeit des Health-Endpunkts sowie aktive Alarme nach Schweregrad; die Zeitleiste der Router-Zustände; Nachrichten und Fehler nach Typ; die letzten Router-Wechsel.</translation>
    </message>
    <message>
        <source>Latency P50/P95/P99 against the 2 s SLO, a latency heatmap, processing duration, throughput by message type, the ten slowest symbols and the health endpoint&apos;s round-trip time.</source>
        <translation>Latenz P50/P95/P99 gegenüber dem SLO von 2 s, eine Latenz-Heatmap, die Verarbeitungsdauer, den Durchsatz nach Nachrichtentyp, die zehn langsamsten Symbole und die Antwortzeit des Health-Endpunkts.</translation>
    </message>
    <message>
        <source>30-day availability against 99.5 % with the error budget left and burn rates, uptime, failovers and recovery time, time in each router state, circuit breaker activations and validation failures.</source>
        <translation>Verfügbarkeit über 30 Tage gegenüber 99,5 % mit verbleibendem Fehlerbudget und Verbrauchsraten, Betriebszeit, Failover und Wiederherstellungszeit, Zeit in jedem Router-Zustand, Auslösungen des Circuit Breakers und Validierungsfehler.</translation>
    </message>
    <message>
        <source>The most active symbols, the Alpaca–Yahoo price delta per symbol (over 5 % highlighted), subscribed symbols over time, circuit breaker trips and validation failures per thousand messages.</source>
        <translation>Die aktivsten Symbole, die Preisabweichung Alpaca–Yahoo je Symbol (über 5 % hervorgehoben), abonnierte Symbole im Zeitverlauf, Auslösungen des Circuit Breakers und Validierungsfehler je tausend Nachrichten.</translation>
    </message>
    <message>
        <source>The alert inbox from Alertmanager, grouped by severity: acknowledge alerts as silences that are never lost, silences, desktop notifications and alert history.</source>
        <translation>Den Alarm-Posteingang aus Alertmanager, nach Schweregrad gruppiert: Alarme als Stummschaltungen bestätigen, die nie verloren gehen, Stummschaltungen, Desktop-Benachrichtigungen und Alarmverlauf.</translation>
    </message>
    <message>
        <source>Loki log lines with structured fields, a log-volume histogram, filters, live tail and local log files, one click away from the metrics of the same minute.</source>
        <translation>Loki-Logzeilen mit strukturierten Feldern, ein Histogramm des Logvolumens, Filter, Live-Verfolgung und lokale Logdateien – einen Klick von den Metriken derselben Minute entfernt.</translation>
    </message>
    <message>
        <source>The runbook of every alert, rendered in place, with diagnosis queries that run against the live service.</source>
        <translation>Das Runbook jedes Alarms, direkt dargestellt, mit Diagnoseabfragen, die gegen den laufenden Dienst ausgeführt werden.</translation>
    </message>
    <message>
        <source>A PromQL editor with completion and highlighting; results as a table or a chart.</source>
        <translation>Einen PromQL-Editor mit Vervollständigung und Hervorhebung; Ergebnisse als Tabelle oder Diagramm.</translation>
    </message>
    <message>
        <source>Every profile side by side: router state and its last hour, firing alerts, availability and error budget, health and the endpoint lights.</source>
        <translation>Jedes Profil nebeneinander: Router-Zustand und seine letzte Stunde, aktive Alarme, Verfügbarkeit und Fehlerbudget, Zustand und die Endpunkt-Lampen.</translation>
    </message>
</context>
<context>
    <name>wf::PrometheusClient</name>
    <message>
        <source>“%1” is not a valid label name.</source>
        <translation>„%1“ ist kein gültiger Label-Name.</translation>
    </message>
    <message>
        <source>Prometheus sent an answer the console cannot read: %1</source>
        <translation>Prometheus hat eine Antwort geschickt, die die Konsole nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>the body is empty (HTTP %1).</source>
        <translation>der Inhalt ist leer (HTTP %1).</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2).</source>
        <translation>kein JSON (%1 bei Byte %2).</translation>
    </message>
    <message>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus hat die Abfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>no &quot;status&quot; field, so this is not Prometheus&apos; API.</source>
        <translation>kein Feld „status“, also nicht die API von Prometheus.</translation>
    </message>
    <message>
        <source>a vector sample is not [time, &quot;value&quot;].</source>
        <translation>ein Vektorwert ist nicht [Zeit, &quot;Wert&quot;].</translation>
    </message>
    <message>
        <source>a matrix sample is not [time, &quot;value&quot;].</source>
        <translation>ein Matrixwert ist nicht [Zeit, &quot;Wert&quot;].</translation>
    </message>
    <message>
        <source>a %1 result is not [time, &quot;value&quot;].</source>
        <translation>ein %1-Ergebnis ist nicht [Zeit, &quot;Wert&quot;].</translation>
    </message>
    <message>
        <source>the scalar “%1” is not a number.</source>
        <translation>der Skalar „%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>unknown resultType “%1”.</source>
        <translation>unbekannter resultType „%1“.</translation>
    </message>
    <message>
        <source>expected a list of strings.</source>
        <translation>erwartet war eine Liste von Zeichenketten.</translation>
    </message>
    <message>
        <source>expected a list of label sets.</source>
        <translation>erwartet war eine Liste von Label-Mengen.</translation>
    </message>
    <message>
        <source>no rule groups in the answer.</source>
        <translation>keine Regelgruppen in der Antwort.</translation>
    </message>
    <message>
        <source>no alerts list in the answer.</source>
        <translation>keine Alarmliste in der Antwort.</translation>
    </message>
    <message>
        <source>no activeTargets in the answer.</source>
        <translation>keine activeTargets in der Antwort.</translation>
    </message>
    <message>
        <source>the build information is not an object.</source>
        <translation>die Build-Information ist kein Objekt.</translation>
    </message>
</context>
<context>
    <name>wf::QueryScheduler</name>
    <message numerus="yes">
        <source>%1 Next try in %n s.</source>
        <translation>
            <numerusform>%1 Nächster Versuch in %n s.</numerusform>
            <numerusform>%1 Nächster Versuch in %n s.</numerusform>
        </translation>
    </message>
    <message>
        <source>No Loki to ask.</source>
        <translation>Kein Loki zum Fragen.</translation>
    </message>
    <message>
        <source>Loki answered with log lines: a panel needs a metric query such as count_over_time({…}[1m]).</source>
        <translation>Loki hat mit Logzeilen geantwortet: ein Panel braucht eine Metrikabfrage wie count_over_time({…}[1m]).</translation>
    </message>
    <message>
        <source>Loki answered with numbers: a logs panel needs a log query such as {app=&quot;mytrader-api&quot;} |= &quot;error&quot;.</source>
        <translation>Loki hat mit Zahlen geantwortet: ein Logs-Panel braucht eine Logabfrage wie {app=&quot;mytrader-api&quot;} |= &quot;error&quot;.</translation>
    </message>
</context>
<context>
    <name>wf::ReportCommand</name>
    <message>
        <source>--profile: no profile named “%1”.</source>
        <translation>--profile: kein Profil namens „%1“.</translation>
    </message>
    <message>
        <source>The profile “%1” names no Prometheus: the report is made from it.</source>
        <translation>Das Profil „%1“ nennt kein Prometheus: aus ihm entsteht der Bericht.</translation>
    </message>
    <message>
        <source>Nothing written: %1</source>
        <translation>Nichts geschrieben: %1</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Cannot write “%1”.</source>
        <translation>„%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>--scheduled: no current profile in Settings to make the report from.</source>
        <translation>--scheduled: kein aktuelles Profil in den Einstellungen, aus dem der Bericht entstehen kann.</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>wf::ReportCommandLine</name>
    <message>
        <source>Writes the weekly SLO report and alert review from Prometheus and Alertmanager.</source>
        <translation>Schreibt den wöchentlichen SLO-Bericht und die Alarmauswertung aus Prometheus und Alertmanager.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe zeigen.</translation>
    </message>
    <message>
        <source>The stored profile to read from.</source>
        <translation>Das gespeicherte Profil, aus dem gelesen wird.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prometheus&apos; URL (instead of a profile).</source>
        <translation>Die URL von Prometheus (statt eines Profils).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Alertmanager&apos;s URL (instead of a profile).</source>
        <translation>Die URL von Alertmanager (statt eines Profils).</translation>
    </message>
    <message>
        <source>The ISO week, e.g. 2026-W48 (default: last week).</source>
        <translation>Die ISO-Woche, z. B. 2026-W48 (Standard: letzte Woche).</translation>
    </message>
    <message>
        <source>week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>The first day, UTC (YYYY-MM-DD).</source>
        <translation>Der erste Tag, UTC (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>The last day, UTC, included (YYYY-MM-DD).</source>
        <translation>Der letzte Tag, UTC, einschließlich (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>One or more of pdf, html, json (default: pdf).</source>
        <translation>Eines oder mehrere von pdf, html, json (Standard: pdf).</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>The folder to write to (default: the current one).</source>
        <translation>Der Zielordner (Standard: der aktuelle).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>The report&apos;s language: en or de.</source>
        <translation>Die Sprache des Berichts: en oder de.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Run “watchfloor report --help” for the options.</source>
        <translation>„watchfloor report --help“ zeigt die Optionen.</translation>
    </message>
    <message>
        <source>Unexpected argument “%1”.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <source>--profile needs a profile name.</source>
        <translation>--profile braucht einen Profilnamen.</translation>
    </message>
    <message>
        <source>--%1: “%2” is not an http(s) URL.</source>
        <translation>--%1: „%2“ ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>Say where the data is: --profile NAME, or --prometheus URL (and --alertmanager URL).</source>
        <translation>Angeben, wo die Daten sind: --profile NAME oder --prometheus URL (und --alertmanager URL).</translation>
    </message>
    <message>
        <source>Give either --week or --from and --to, not both.</source>
        <translation>Entweder --week oder --from und --to angeben, nicht beides.</translation>
    </message>
    <message>
        <source>--from and --to go together.</source>
        <translation>--from und --to gehören zusammen.</translation>
    </message>
    <message>
        <source>--from: “%1” is not a date (YYYY-MM-DD).</source>
        <translation>--from: „%1“ ist kein Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>--to: “%1” is not a date (YYYY-MM-DD).</source>
        <translation>--to: „%1“ ist kein Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>--to is before --from.</source>
        <translation>--to liegt vor --from.</translation>
    </message>
    <message>
        <source>At most %1 days in one report.</source>
        <translation>Höchstens %1 Tage in einem Bericht.</translation>
    </message>
    <message>
        <source>--week: “%1” is not an ISO week (e.g. 2026-W48).</source>
        <translation>--week: „%1“ ist keine ISO-Woche (z. B. 2026-W48).</translation>
    </message>
    <message>
        <source>The report&apos;s time lies in the future: nothing has happened yet.</source>
        <translation>Der Zeitraum des Berichts liegt in der Zukunft: noch ist nichts geschehen.</translation>
    </message>
    <message>
        <source>--format: “%1” is not pdf, html or json.</source>
        <translation>--format: „%1“ ist nicht pdf, html oder json.</translation>
    </message>
    <message>
        <source>--format: give pdf, html or json.</source>
        <translation>--format: pdf, html oder json angeben.</translation>
    </message>
    <message>
        <source>--lang: en or de, not “%1”.</source>
        <translation>--lang: en oder de, nicht „%1“.</translation>
    </message>
    <message>
        <source>As the Monday timer runs it: last week, from the current profile, as PDF and JSON, into the report folder set in Settings.</source>
        <translation>So, wie der Montags-Timer ihn ausführt: letzte Woche, aus dem aktuellen Profil, als PDF und JSON, in den in den Einstellungen gewählten Berichtsordner.</translation>
    </message>
    <message>
        <source>--scheduled takes what it needs from Settings: not with --%1.</source>
        <translation>--scheduled nimmt, was es braucht, aus den Einstellungen: nicht mit --%1.</translation>
    </message>
    <message>
        <source>Loki&apos;s URL, for the failovers&apos; reasons (instead of a profile).</source>
        <translation>Die URL von Loki, für die Gründe der Failover (statt eines Profils).</translation>
    </message>
</context>
<context>
    <name>wf::ReportDocument</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <source>SLO report %1 to %2</source>
        <translation>SLO-Bericht %1 bis %2</translation>
    </message>
    <message>
        <source>MyTrader Alpaca streaming. Days in UTC; figures evaluated at %1 UTC.</source>
        <translation>MyTrader Alpaca-Streaming. Tage in UTC; Werte ausgewertet am %1 UTC.</translation>
    </message>
    <message>
        <source>MyTrader Alpaca streaming. Days in UTC; the period is not over: figures evaluated at %1 UTC.</source>
        <translation>MyTrader Alpaca-Streaming. Tage in UTC; der Zeitraum ist nicht vorbei: Werte ausgewertet am %1 UTC.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Availability (not BOTH_UNAVAILABLE)</source>
        <translation>Verfügbarkeit (nicht BOTH_UNAVAILABLE)</translation>
    </message>
    <message>
        <source>≥ %1 %</source>
        <translation>≥ %1 %</translation>
    </message>
    <message>
        <source>Latency P95, each day</source>
        <translation>Latenz P95, jeden Tag</translation>
    </message>
    <message>
        <source>≤ %1 s</source>
        <translation>≤ %1 s</translation>
    </message>
    <message>
        <source>%1 of %2 days</source>
        <translation>%1 von %2 Tagen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Availability, the period before</source>
        <translation>Verfügbarkeit, vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Change against the period before</source>
        <translation>Änderung gegenüber dem vorherigen Zeitraum</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>Availability, last 30 days</source>
        <translation>Verfügbarkeit, letzte 30 Tage</translation>
    </message>
    <message>
        <source>Error budget of the period: allowed, used, left</source>
        <translation>Fehlerbudget des Zeitraums: erlaubt, verbraucht, übrig</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Error budget of 30 days: allowed, used, left</source>
        <translation>Fehlerbudget von 30 Tagen: erlaubt, verbraucht, übrig</translation>
    </message>
    <message>
        <source>Burn rate over the period</source>
        <translation>Verbrauchsrate im Zeitraum</translation>
    </message>
    <message>
        <source>Latency P95 per day (the line: the 2 s target; no bar: no latency observed that day).</source>
        <translation>Latenz P95 je Tag (die Linie: das Ziel von 2 s; kein Balken: an dem Tag keine Latenz gemessen).</translation>
    </message>
    <message>
        <source>Failovers</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>No failover in this period.</source>
        <translation>Kein Failover in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Worst state</source>
        <translation>Schlimmster Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) fired. Acknowledged: %1. Mean time to acknowledge: %2. Mean time to resolve: %3.</source>
        <translation>
            <numerusform>%n Alarm hat ausgelöst. Quittiert: %1. Mittlere Zeit bis zur Quittierung: %2. Mittlere Zeit bis zur Behebung: %3.</numerusform>
            <numerusform>%n Alarme haben ausgelöst. Quittiert: %1. Mittlere Zeit bis zur Quittierung: %2. Mittlere Zeit bis zur Behebung: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) fired. Mean time to resolve: %1. Acknowledgements not known: no Alertmanager was asked.</source>
        <translation>
            <numerusform>%n Alarm hat ausgelöst. Mittlere Zeit bis zur Behebung: %1. Quittierungen unbekannt: kein Alertmanager wurde gefragt.</numerusform>
            <numerusform>%n Alarme haben ausgelöst. Mittlere Zeit bis zur Behebung: %1. Quittierungen unbekannt: kein Alertmanager wurde gefragt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Quittiert von</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <source>Alert review</source>
        <translation>Alarmauswertung</translation>
    </message>
    <message>
        <source>No rule fired in this period.</source>
        <translation>Keine Regel hat in diesem Zeitraum ausgelöst.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Auslösungen</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Brief, unacknowledged</source>
        <translation>Kurz, unquittiert</translation>
    </message>
    <message>
        <source>Again within 1 h</source>
        <translation>Erneut binnen 1&#xa0;h</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <source>Every rule fired in the last 30 days.</source>
        <translation>Jede Regel hat in den letzten 30 Tagen ausgelöst.</translation>
    </message>
    <message>
        <source>Did not fire in the last 30 days: %1.</source>
        <translation>In den letzten 30 Tagen nicht ausgelöst: %1.</translation>
    </message>
    <message>
        <source>Data quality</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Validation failures by reason</source>
        <translation>Validierungsfehler nach Grund</translation>
    </message>
    <message>
        <source>No validation failure in this period.</source>
        <translation>Kein Validierungsfehler in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Circuit breakers by symbol</source>
        <translation>Circuit Breaker nach Symbol</translation>
    </message>
    <message>
        <source>No circuit breaker in this period.</source>
        <translation>Kein Circuit Breaker in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>No price delta over %1 % in this period.</source>
        <translation>Keine Preisabweichung über %1 % in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Price delta over 5 %: symbol</source>
        <translation>Preisabweichung über 5 %: Symbol</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Größte</translation>
    </message>
    <message>
        <source>Time over</source>
        <translation>Zeit darüber</translation>
    </message>
    <message>
        <source>Appendix: the query behind every figure</source>
        <translation>Anhang: die Abfrage hinter jeder Kennzahl</translation>
    </message>
    <message>
        <source>Cannot write the PDF “%1”.</source>
        <translation>Das PDF „%1“ kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Watchfloor · page %1</source>
        <translation>Watchfloor · Seite %1</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Router state per day, from the router timeline (UTC hours; a failover is drawn at least a hair wide).</source>
        <translation>Zustand des Routers je Tag, aus der Zeitleiste des Routers (Stunden in UTC; ein Failover ist mindestens haarbreit gezeichnet).</translation>
    </message>
    <message>
        <source>Alerts that began firing, per day, by severity.</source>
        <translation>Alarme, die zu feuern begannen, je Tag, nach Schweregrad.</translation>
    </message>
    <message>
        <source>%1 not primary</source>
        <translation>%1 nicht primär</translation>
    </message>
    <message>
        <source>primary throughout</source>
        <translation>durchgehend primär</translation>
    </message>
    <message>
        <source>undecided</source>
        <translation>unentschieden</translation>
    </message>
    <message>
        <source>Router state per day</source>
        <translation>Zustand des Routers je Tag</translation>
    </message>
    <message>
        <source>Alerts that began firing, per day</source>
        <translation>Alarme, die zu feuern begannen, je Tag</translation>
    </message>
    <message>
        <source>Latency P95 per day</source>
        <translation>Latenz P95 je Tag</translation>
    </message>
    <message>
        <source>Watchfloor weekly SLO report</source>
        <translation>Wöchentlicher SLO-Bericht von Watchfloor</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
</context>
<context>
    <name>wf::RouterState</name>
    <message>
        <source>Primary (Alpaca)</source>
        <translation>Primär (Alpaca)</translation>
    </message>
    <message>
        <source>Fallback (Yahoo)</source>
        <translation>Ersatz (Yahoo)</translation>
    </message>
    <message>
        <source>Both sources unavailable</source>
        <translation>Beide Quellen nicht verfügbar</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>wf::RouterTimeline</name>
    <message>
        <source>The service reports several states and none can be told current.</source>
        <translation>Der Dienst meldet mehrere Zustände, und keiner lässt sich als aktuell bestimmen.</translation>
    </message>
</context>
<context>
    <name>wf::RunbookIndexModel</name>
    <message>
        <source>%1 — from your runbook folder: %2</source>
        <translation>%1 — aus Ihrem Runbook-Ordner: %2</translation>
    </message>
</context>
<context>
    <name>wf::RunbookLibrary</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: larger than 1 MB, not a runbook</source>
        <translation>%1: größer als 1 MB, kein Runbook</translation>
    </message>
    <message>
        <source>%1: the runbook folder does not exist</source>
        <translation>%1: Der Runbook-Ordner existiert nicht</translation>
    </message>
    <message>
        <source>%1: a runbook&apos;s name is its slug: lower-case letters, digits and dashes</source>
        <translation>%1: Der Name eines Runbooks ist sein Slug: Kleinbuchstaben, Ziffern und Bindestriche</translation>
    </message>
</context>
<context>
    <name>wf::RunbooksView</name>
    <message>
        <source>Search runbooks (Ctrl+F)</source>
        <translation>Runbooks durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>The runbook before (%1)</source>
        <translation>Das vorige Runbook (%1)</translation>
    </message>
    <message>
        <source>Forward →</source>
        <translation>Vor →</translation>
    </message>
    <message>
        <source>The runbook after (%1)</source>
        <translation>Das nächste Runbook (%1)</translation>
    </message>
    <message>
        <source>From your runbook folder: %1</source>
        <translation>Aus Ihrem Runbook-Ordner: %1</translation>
    </message>
    <message>
        <source>Embedded runbook “%1”</source>
        <translation>Eingebettetes Runbook „%1“</translation>
    </message>
    <message>
        <source>Open in Logs</source>
        <translation>In Logs öffnen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Open in Explore</source>
        <translation>In „Erkunden“ öffnen</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>No Prometheus in this profile.</source>
        <translation>Dieses Profil hat kein Prometheus.</translation>
    </message>
    <message>
        <source>No series: the expression has no value now.</source>
        <translation>Keine Reihe: Der Ausdruck hat derzeit keinen Wert.</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more series</source>
        <translation>
            <numerusform>… und %n weitere Reihe</numerusform>
            <numerusform>… und %n weitere Reihen</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus warns: %1</source>
        <translation>Prometheus warnt: %1</translation>
    </message>
    <message>
        <source>There is no runbook “%1”.</source>
        <translation>Es gibt kein Runbook „%1“.</translation>
    </message>
    <message>
        <source>Links of this kind are not opened: %1</source>
        <translation>Links dieser Art werden nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>That runbook was removed from the folder.</source>
        <translation>Dieses Runbook wurde aus dem Ordner entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>Remote content was not loaded: runbooks never fetch it. Blocked: %n</source>
        <translation>
            <numerusform>Entfernte Inhalte wurden nicht geladen: Runbooks laden sie nie. Blockiert: %n</numerusform>
            <numerusform>Entfernte Inhalte wurden nicht geladen: Runbooks laden sie nie. Blockiert: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::SecretStore</name>
    <message>
        <source>Passwords and tokens are kept in %1, readable only by you (no system keyring is in use).</source>
        <translation>Passwörter und Tokens liegen in %1, nur für Sie lesbar (kein System-Schlüsselbund in Verwendung).</translation>
    </message>
    <message>
        <source>The keyring did not answer within %1 s.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Passwords and tokens are kept in the system keyring (service “%1”).</source>
        <translation>Passwörter und Tokens liegen im Schlüsselbund des Systems (Dienst „%1“).</translation>
    </message>
    <message>
        <source>%1 cannot be read and cannot be moved aside.</source>
        <translation>%1 kann weder gelesen noch beiseitegelegt werden.</translation>
    </message>
</context>
<context>
    <name>wf::Settings</name>
    <message>
        <source>“%1” is not a usable profile name.</source>
        <translation>„%1“ ist kein brauchbarer Profilname.</translation>
    </message>
    <message>
        <source>Could not store the profile&apos;s secrets: %1</source>
        <translation>Die Geheimnisse des Profils konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>wf::SettingsDialog</name>
    <message>
        <source>Settings — Profiles</source>
        <translation>Einstellungen – Profile</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <source>http://host:5002/api/health/alpaca</source>
        <translation>http://host:5002/api/health/alpaca</translation>
    </message>
    <message>
        <source>http://host:port</source>
        <translation>http://host:port</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Nicht getestet</translation>
    </message>
    <message>
        <source>System CA certificates only</source>
        <translation>Nur die CA-Zertifikate des Systems</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Single-tenant Loki</source>
        <translation>Loki ohne Mandanten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Refresh every:</source>
        <translation>&amp;Aktualisieren alle:</translation>
    </message>
    <message>
        <source>&amp;Times in:</source>
        <translation>&amp;Zeiten in:</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile “%1” and its stored secrets?</source>
        <translation>Das Profil „%1“ und seine gespeicherten Geheimnisse löschen?</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>%1: “%2” is not an http:// or https:// URL with a host.</source>
        <translation>%1: „%2“ ist keine http://- oder https://-URL mit Host.</translation>
    </message>
    <message>
        <source>%1: basic authentication needs a user name.</source>
        <translation>%1: Basic-Authentifizierung braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Two profiles are named “%1”; names must be unique.</source>
        <translation>Zwei Profile heißen „%1“; Namen müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>“%1” is not a usable profile name: it must not be blank, start or end with spaces, or contain control characters.</source>
        <translation>„%1“ ist kein brauchbarer Profilname: Er darf nicht leer sein, nicht mit Leerzeichen beginnen oder enden und keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Who acknowledges and silences from this console; empty: your user name</source>
        <translation>Wer von dieser Konsole quittiert und stummschaltet; leer: Ihr Benutzername</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>An “until resolved” acknowledgement is a silence this long; the console ends it as soon as the alert resolves</source>
        <translation>Eine Quittierung „bis behoben“ ist eine Stummschaltung dieser Länge; die Konsole beendet sie, sobald sich der Alarm auflöst</translation>
    </message>
    <message>
        <source>Default ac&amp;knowledgement:</source>
        <translation>Standard-&amp;Quittierung:</translation>
    </message>
    <message>
        <source>“Until resolved” lasts at &amp;most:</source>
        <translation>„Bis beh&amp;oben“ dauert höchstens:</translation>
    </message>
    <message>
        <source>Ask Alertmanager &amp;every:</source>
        <translation>Alertmanager abfra&amp;gen alle:</translation>
    </message>
    <message>
        <source>Prometheus&apos; scrape interval for this service: charts never ask for finer steps, and rates span at least four scrapes.</source>
        <translation>Das Scrape-Intervall von Prometheus für diesen Dienst: Diagramme fragen nie feinere Schritte ab, und Raten umfassen mindestens vier Scrapes.</translation>
    </message>
    <message>
        <source>Scrape &amp;interval:</source>
        <translation>Scrape-&amp;Intervall:</translation>
    </message>
    <message>
        <source>Built-in dashboards only</source>
        <translation>Nur die eingebauten Dashboards</translation>
    </message>
    <message>
        <source>A folder of dashboard JSON files: operations.json, performance.json, reliability.json or business.json there replaces that view&apos;s dashboard.</source>
        <translation>Ein Ordner mit Dashboard-JSON-Dateien: operations.json, performance.json, reliability.json oder business.json dort ersetzt das Dashboard dieser Ansicht.</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>Dashboard folder</source>
        <translation>Dashboard-Ordner</translation>
    </message>
    <message>
        <source>Embedded runbooks only</source>
        <translation>Nur eingebettete Runbooks</translation>
    </message>
    <message>
        <source>A folder of Markdown runbooks: &lt;slug&gt;.md there replaces the embedded runbook of that slug or adds a new one. Changes show at once.</source>
        <translation>Ein Ordner mit Markdown-Runbooks: &lt;slug&gt;.md dort ersetzt das eingebettete Runbook mit diesem Slug oder fügt ein neues hinzu. Änderungen erscheinen sofort.</translation>
    </message>
    <message>
        <source>R&amp;unbook folder:</source>
        <translation>R&amp;unbook-Ordner:</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Runbook folder</source>
        <translation>Runbook-Ordner</translation>
    </message>
    <message>
        <source>&amp;Loki tenant (X-Scope-OrgID):</source>
        <translation>Loki-&amp;Mandant (X-Scope-OrgID):</translation>
    </message>
    <message>
        <source>A&amp;cknowledge as:</source>
        <translation>Quitti&amp;eren als:</translation>
    </message>
    <message>
        <source>Test c&amp;onnection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Das&amp;hboard folder:</source>
        <translation>Dash&amp;board-Ordner:</translation>
    </message>
    <message>
        <source>Wall mode (F11)</source>
        <translation>Wandmodus (F11)</translation>
    </message>
    <message>
        <source>The views wall mode shows in turn</source>
        <translation>Die Ansichten, die der Wandmodus nacheinander zeigt</translation>
    </message>
    <message>
        <source>stay</source>
        <translation>bleiben</translation>
    </message>
    <message>
        <source>Each &amp;view for:</source>
        <translation>Jede &amp;Ansicht für:</translation>
    </message>
    <message>
        <source>A cluster: every peer&apos;s URL, separated by commas</source>
        <translation>Ein Cluster: die URL jedes Knotens, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>An HA pair: every replica&apos;s URL, separated by commas; the first that answers is asked</source>
        <translation>Ein HA-Paar: die URL jedes Replikats, durch Kommas getrennt; gefragt wird das erste, das antwortet</translation>
    </message>
    <message>
        <source>%1 takes one URL (Alertmanager takes a cluster&apos;s peers and Prometheus an HA pair&apos;s replicas, separated by commas).</source>
        <translation>%1 nimmt eine URL (Alertmanager nimmt die Knoten eines Clusters und Prometheus die Replikate eines HA-Paars, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>Wochenbericht</translation>
    </message>
    <message>
        <source>Folder for the weekly reports</source>
        <translation>Ordner für die Wochenberichte</translation>
    </message>
    <message>
        <source>Mondays at 07:00 the package&apos;s timer writes last week&apos;s report (PDF and JSON) of the profile in use here. Turn it on with: systemctl --user enable --now watchfloor-report.timer</source>
        <translation>Montags um 07:00 schreibt der Timer des Pakets den Bericht der letzten Woche (PDF und JSON) für das hier verwendete Profil. Einschalten mit: systemctl --user enable --now watchfloor-report.timer</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Speichern in:</translation>
    </message>
</context>
<context>
    <name>wf::SilenceDialog</name>
    <message>
        <source>New silence</source>
        <translation>Neue Stummschaltung</translation>
    </message>
    <message>
        <source>Edit silence</source>
        <translation>Stummschaltung bearbeiten</translation>
    </message>
    <message>
        <source>alertname=&quot;PriceDeltaHigh&quot;, symbol=~&quot;AAPL|TSLA&quot;</source>
        <translation>alertname=&quot;PriceDeltaHigh&quot;, symbol=~&quot;AAPL|TSLA&quot;</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Why: a ticket, a maintenance window</source>
        <translation>Warum: ein Ticket, ein Wartungsfenster</translation>
    </message>
    <message>
        <source>&amp;Matchers:</source>
        <translation>&amp;Matcher:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Ende:</translation>
    </message>
    <message>
        <source>Created &amp;by:</source>
        <translation>Angelegt &amp;von:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>“%1” is not a matcher: write name=&quot;value&quot;, name!=&quot;value&quot;, name=~&quot;regex&quot; or name!~&quot;regex&quot;.</source>
        <translation>„%1“ ist kein Matcher: schreiben Sie name=&quot;wert&quot;, name!=&quot;wert&quot;, name=~&quot;regex&quot; oder name!~&quot;regex&quot;.</translation>
    </message>
    <message>
        <source>Add at least one matcher.</source>
        <translation>Geben Sie mindestens einen Matcher an.</translation>
    </message>
    <message>
        <source>These matchers would silence every alert; make at least one of them specific.</source>
        <translation>Diese Matcher würden jeden Alarm stummschalten; machen Sie mindestens einen davon genauer.</translation>
    </message>
    <message>
        <source>The silence must end after it starts, and in the future.</source>
        <translation>Die Stummschaltung muss nach ihrem Beginn und in der Zukunft enden.</translation>
    </message>
    <message>
        <source>Say who creates the silence.</source>
        <translation>Geben Sie an, wer die Stummschaltung anlegt.</translation>
    </message>
    <message>
        <source>Say why: Alertmanager requires a comment.</source>
        <translation>Geben Sie den Grund an: Alertmanager verlangt einen Kommentar.</translation>
    </message>
    <message numerus="yes">
        <source>Alerts it matches now: %n.</source>
        <translation>
            <numerusform>Jetzt betroffene Alarme: %n.</numerusform>
            <numerusform>Jetzt betroffene Alarme: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving to Alertmanager…</source>
        <translation>Speichere in Alertmanager…</translation>
    </message>
    <message>
        <source>Alertmanager did not take the silence: %1</source>
        <translation>Alertmanager hat die Stummschaltung nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>wf::SilenceModel</name>
    <message>
        <source>not sent yet</source>
        <translation>noch nicht gesendet</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>until resolved (at most %1)</source>
        <translation>bis behoben (höchstens %1)</translation>
    </message>
    <message>
        <source>until resolved</source>
        <translation>bis behoben</translation>
    </message>
    <message>
        <source>timed</source>
        <translation>befristet</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Quittierung</translation>
    </message>
</context>
<context>
    <name>wf::SloReportBuilder</name>
    <message>
        <source>Prometheus could not answer: %1</source>
        <translation>Prometheus konnte nicht antworten: %1</translation>
    </message>
    <message>
        <source>Flaps and resolves fast: a longer for: (now %1 s, try %2 s) or hysteresis (keep_firing_for).</source>
        <translation>Flattert und löst sich schnell: ein längeres for: (jetzt %1 s, versuchen Sie %2 s) oder Hysterese (keep_firing_for).</translation>
    </message>
    <message>
        <source>Mostly resolves within 5 minutes: a longer for: (now %1 s, try %2 s).</source>
        <translation>Löst sich meist binnen 5 Minuten: ein längeres for: (jetzt %1 s, versuchen Sie %2 s).</translation>
    </message>
    <message>
        <source>Fires again within an hour of resolving: check what it watches for oscillation.</source>
        <translation>Feuert binnen einer Stunde nach dem Auflösen erneut: prüfen, ob das Beobachtete schwingt.</translation>
    </message>
    <message>
        <source>Alertmanager could not answer: %1</source>
        <translation>Alertmanager konnte nicht antworten: %1</translation>
    </message>
    <message>
        <source>Loki could not answer: %1</source>
        <translation>Loki konnte nicht antworten: %1</translation>
    </message>
</context>
<context>
    <name>wf::StatPanel</name>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>From the health endpoint, checked %1 (newer than Prometheus&apos; last scrape).</source>
        <translation>Vom Health-Endpunkt, abgefragt %1 (neuer als Prometheus’ letzte Abfrage).</translation>
    </message>
    <message numerus="yes">
        <source>From Prometheus, evaluated %1 (scraped every %n s).</source>
        <translation>
            <numerusform>Von Prometheus, ausgewertet %1 (Abfrage jede Sekunde).</numerusform>
            <numerusform>Von Prometheus, ausgewertet %1 (Abfrage alle %n s).</numerusform>
        </translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>HTTP %1 · %2 ms</source>
        <translation>HTTP %1 · %2 ms</translation>
    </message>
</context>
<context>
    <name>wf::StateTimelinePanel</name>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>%1
%2 – %3 (%4)%5</source>
        <translation>%1
%2 – %3 (%4)%5</translation>
    </message>
    <message>
        <source>%1: %2
%3 – %4</source>
        <translation>%1: %2
%3 – %4</translation>
    </message>
</context>
<context>
    <name>wf::TablePanel</name>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Worst state</source>
        <translation>Schlimmster Zustand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Recovery time</source>
        <translation>Wiederherstellungszeit</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No failover in this time range.</source>
        <translation>Kein Failover in diesem Zeitraum.</translation>
    </message>
</context>
<context>
    <name>wf::TimeRangePicker</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Time range shown by every view</source>
        <translation>Der Zeitraum, den jede Ansicht zeigt</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Eigener Zeitraum…</translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation>Letzte %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Custom time range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>“From” must be before “To”.</source>
        <translation>„Von“ muss vor „Bis“ liegen.</translation>
    </message>
</context>
<context>
    <name>wf::TimeSeriesChart</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
</context>
<context>
    <name>wf::TimeSeriesPanel</name>
    <message>
        <source>round trip</source>
        <translation>Antwortzeit</translation>
    </message>
</context>
<context>
    <name>wf::UnsupportedPanel</name>
    <message>
        <source>Not shown: %1</source>
        <translation>Nicht angezeigt: %1</translation>
    </message>
</context>
<context>
    <name>wf::ViewBase</name>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Runbooks</source>
        <translation>Runbooks</translation>
    </message>
    <message>
        <source>Explore</source>
        <translation>Erkunden</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
</context>
<context>
    <name>wf::WallBanner</name>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Quittieren…</translation>
    </message>
    <message>
        <source>Acknowledge this alert (a silence in Alertmanager)</source>
        <translation>Diesen Alarm quittieren (eine Stummschaltung in Alertmanager)</translation>
    </message>
    <message>
        <source>Critical: %1 since %2</source>
        <translation>Kritisch: %1 seit %2</translation>
    </message>
    <message>
        <source>Critical: %1 — %2 (since %3)</source>
        <translation>Kritisch: %1 — %2 (seit %3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::WeeklyReportDialog</name>
    <message>
        <source>&amp;Make report</source>
        <translation>Bericht &amp;erstellen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Weekly SLO report</source>
        <translation>Wöchentlicher SLO-Bericht</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 bis %3)</translation>
    </message>
    <message>
        <source>%1, so far</source>
        <translation>%1, bisher</translation>
    </message>
    <message>
        <source>Choose a week and make its report from this profile&apos;s Prometheus.</source>
        <translation>Eine Woche wählen und ihren Bericht aus dem Prometheus dieses Profils erstellen.</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>&amp;Woche:</translation>
    </message>
    <message>
        <source>This profile has no Prometheus: the report is made from it.</source>
        <translation>Dieses Profil hat kein Prometheus: aus ihm entsteht der Bericht.</translation>
    </message>
    <message>
        <source>The report&apos;s PDF cannot be shown.</source>
        <translation>Das PDF des Berichts kann nicht angezeigt werden.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n page(s). Save it as PDF, HTML or JSON.</source>
        <translation>
            <numerusform>%1: %n Seite. Als PDF, HTML oder JSON speichern.</numerusform>
            <numerusform>%1: %n Seiten. Als PDF, HTML oder JSON speichern.</numerusform>
        </translation>
    </message>
    <message>
        <source>No report: %1</source>
        <translation>Kein Bericht: %1</translation>
    </message>
    <message>
        <source>Make the report first.</source>
        <translation>Zuerst den Bericht erstellen.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save the weekly report</source>
        <translation>Den Wochenbericht speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Asking Prometheus and Alertmanager for the figures of %1…</source>
        <translation>Prometheus und Alertmanager werden nach den Kennzahlen von %1 gefragt…</translation>
    </message>
    <message>
        <source>Asking Prometheus for the figures of %1…</source>
        <translation>Prometheus wird nach den Kennzahlen von %1 gefragt…</translation>
    </message>
    <message>
        <source>Putting the report of %1 together…</source>
        <translation>Der Bericht %1 wird zusammengestellt …</translation>
    </message>
</context>
<context>
    <name>wf::dashboards</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
</context>
<context>
    <name>wf::grafana::Export</name>
    <message>
        <source>Watchfloor reads this from the service&apos;s health endpoint, which Grafana cannot ask.</source>
        <translation>Watchfloor liest dies vom Health-Endpunkt des Dienstes, den Grafana nicht abfragen kann.</translation>
    </message>
    <message>
        <source>“%1” reads the health endpoint: a text panel in Grafana</source>
        <translation>„%1“ liest den Health-Endpunkt: in Grafana ein Text-Panel</translation>
    </message>
    <message>
        <source>“%1” follows the router: from datasource_router_state in Grafana</source>
        <translation>„%1“ folgt dem Router: in Grafana aus datasource_router_state</translation>
    </message>
</context>
<context>
    <name>wf::grafana::Import</name>
    <message>
        <source>unit &apos;%1&apos; shown as %2</source>
        <translation>Einheit „%1“ als %2 angezeigt</translation>
    </message>
    <message>
        <source>a plain number</source>
        <translation>einfache Zahl</translation>
    </message>
    <message>
        <source>unit &apos;%1&apos; shown as a plain number</source>
        <translation>Einheit „%1“ als einfache Zahl angezeigt</translation>
    </message>
    <message>
        <source>variable $%1</source>
        <translation>Variable $%1</translation>
    </message>
    <message>
        <source>variable “%1”</source>
        <translation>Variable „%1“</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>weggelassen</translation>
    </message>
    <message>
        <source>a variable needs a name of letters, digits and _</source>
        <translation>eine Variable braucht einen Namen aus Buchstaben, Ziffern und _</translation>
    </message>
    <message>
        <source>regex %1 not applied</source>
        <translation>Regex %1 nicht angewandt</translation>
    </message>
    <message>
        <source>the values are offered as Prometheus has them</source>
        <translation>die Werte werden so angeboten, wie Prometheus sie hat</translation>
    </message>
    <message>
        <source>query &apos;%1&apos; not mapped</source>
        <translation>Abfrage „%1“ nicht übernommen</translation>
    </message>
    <message>
        <source>only label_values(…) is offered as a list; the queries use it empty</source>
        <translation>nur label_values(…) wird als Liste angeboten; die Abfragen verwenden sie leer</translation>
    </message>
    <message>
        <source>only label_values(…) is offered as a list; the queries use its saved value &apos;%1&apos;</source>
        <translation>nur label_values(…) wird als Liste angeboten; die Abfragen verwenden ihren gespeicherten Wert „%1“</translation>
    </message>
    <message>
        <source>custom variable without values</source>
        <translation>benutzerdefinierte Variable ohne Werte</translation>
    </message>
    <message>
        <source>the queries use it empty</source>
        <translation>die Abfragen verwenden sie leer</translation>
    </message>
    <message>
        <source>%1 variable not offered</source>
        <translation>%1-Variable nicht angeboten</translation>
    </message>
    <message>
        <source>the queries use its saved value &apos;%1&apos;</source>
        <translation>die Abfragen verwenden ihren gespeicherten Wert „%1“</translation>
    </message>
    <message>
        <source>Watchfloor has no such unit</source>
        <translation>Watchfloor hat diese Einheit nicht</translation>
    </message>
    <message>
        <source>thresholds in percent of the range</source>
        <translation>Schwellen in Prozent des Bereichs</translation>
    </message>
    <message>
        <source>applied as absolute values</source>
        <translation>als absolute Werte angewandt</translation>
    </message>
    <message>
        <source>a %1 mapping</source>
        <translation>eine %1-Zuordnung</translation>
    </message>
    <message>
        <source>value mappings %1 not applied</source>
        <translation>Wertzuordnungen %1 nicht angewandt</translation>
    </message>
    <message>
        <source>Watchfloor maps single numbers to words only</source>
        <translation>Watchfloor ordnet nur einzelnen Zahlen Wörter zu</translation>
    </message>
    <message>
        <source>overrides %1 not applied</source>
        <translation>Überschreibungen %1 nicht angewandt</translation>
    </message>
    <message>
        <source>every series of a panel is drawn alike</source>
        <translation>alle Reihen eines Panels werden gleich gezeichnet</translation>
    </message>
    <message>
        <source>HTML text</source>
        <translation>HTML-Text</translation>
    </message>
    <message>
        <source>shown as Markdown, which keeps simple HTML</source>
        <translation>als Markdown angezeigt, das einfaches HTML beibehält</translation>
    </message>
    <message>
        <source>panel type &apos;%1&apos;</source>
        <translation>Panel-Typ „%1“</translation>
    </message>
    <message>
        <source>Watchfloor has no such panel</source>
        <translation>Watchfloor hat dieses Panel nicht</translation>
    </message>
    <message>
        <source>data source &apos;%1&apos;</source>
        <translation>Datenquelle „%1“</translation>
    </message>
    <message>
        <source>Watchfloor reads Prometheus and Loki only</source>
        <translation>Watchfloor liest nur Prometheus und Loki</translation>
    </message>
    <message>
        <source>no query</source>
        <translation>keine Abfrage</translation>
    </message>
    <message>
        <source>the panel has no Prometheus query to show</source>
        <translation>das Panel hat keine Prometheus-Abfrage zum Anzeigen</translation>
    </message>
    <message>
        <source>pie chart</source>
        <translation>Kreisdiagramm</translation>
    </message>
    <message>
        <source>drawn as bars, largest first</source>
        <translation>als Balken gezeichnet, größter zuerst</translation>
    </message>
    <message>
        <source>stacked to 100 %</source>
        <translation>auf 100 % gestapelt</translation>
    </message>
    <message>
        <source>stacked as values</source>
        <translation>als Werte gestapelt</translation>
    </message>
    <message>
        <source>the &apos;%1&apos; of the range</source>
        <translation>„%1“ des Bereichs</translation>
    </message>
    <message>
        <source>shows the value now</source>
        <translation>zeigt den aktuellen Wert</translation>
    </message>
    <message>
        <source>repeated for each value of $%1</source>
        <translation>für jeden Wert von $%1 wiederholt</translation>
    </message>
    <message>
        <source>shown once, for the values chosen</source>
        <translation>einmal angezeigt, für die gewählten Werte</translation>
    </message>
    <message>
        <source>transformations %1 not applied</source>
        <translation>Transformationen %1 nicht angewandt</translation>
    </message>
    <message>
        <source>the panel shows the queries&apos; series as they are</source>
        <translation>das Panel zeigt die Reihen der Abfragen unverändert</translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <translation>(%1 ohne Titel)</translation>
    </message>
    <message>
        <source>panel “%1”</source>
        <translation>Panel „%1“</translation>
    </message>
    <message>
        <source>Imported dashboard</source>
        <translation>Importiertes Dashboard</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>%1 annotation queries</source>
        <translation>%1 Annotationsabfragen</translation>
    </message>
    <message>
        <source>charts mark failovers only</source>
        <translation>Diagramme markieren nur Failover</translation>
    </message>
    <message>
        <source>the Grafana dashboard “%1” has no panels</source>
        <translation>das Grafana-Dashboard „%1“ hat keine Panels</translation>
    </message>
    <message>
        <source>Time range %1 to %2%3.</source>
        <translation>Zeitraum %1 bis %2%3.</translation>
    </message>
    <message>
        <source>, refresh every %1</source>
        <translation>, Aktualisierung alle %1</translation>
    </message>
    <message>
        <source>Data sources %1 read from the profile&apos;s.</source>
        <translation>Datenquellen %1 werden aus denen des Profils gelesen.</translation>
    </message>
    <message>
        <source>Everything was mapped.</source>
        <translation>Alles wurde übernommen.</translation>
    </message>
    <message>
        <source>Not mapped or changed (%1):</source>
        <translation>Nicht übernommen oder geändert (%1):</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>kein JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>not a Grafana dashboard: a dashboard is a JSON object</source>
        <translation>kein Grafana-Dashboard: ein Dashboard ist ein JSON-Objekt</translation>
    </message>
    <message>
        <source>not a Grafana dashboard: it has neither “panels” nor “rows”</source>
        <translation>kein Grafana-Dashboard: es hat weder „panels“ noch „rows“</translation>
    </message>
    <message>
        <source>time range %1 to %2 not kept</source>
        <translation>Zeitraum %1 bis %2 nicht übernommen</translation>
    </message>
    <message>
        <source>only “now-N” to “now” and fixed times can be shown; the window&apos;s time range is used</source>
        <translation>nur „now-N“ bis „now“ und feste Zeiten lassen sich zeigen; der Zeitraum des Fensters gilt</translation>
    </message>
    <message>
        <source>refresh “%1” not kept</source>
        <translation>Aktualisierung „%1“ nicht übernommen</translation>
    </message>
    <message>
        <source>not an interval between 1 s and 1 day</source>
        <translation>kein Intervall zwischen 1 s und 1 Tag</translation>
    </message>
    <message>
        <source>Prometheus and Loki queries in one panel</source>
        <translation>Prometheus- und Loki-Abfragen in einem Panel</translation>
    </message>
    <message>
        <source>a panel reads one of them</source>
        <translation>ein Panel liest eine der beiden Quellen</translation>
    </message>
    <message>
        <source>LogQL log query</source>
        <translation>LogQL-Logabfrage</translation>
    </message>
    <message>
        <source>a %1 panel draws metric queries (count_over_time, rate …); the Logs view shows lines</source>
        <translation>ein %1-Panel zeichnet Metrikabfragen (count_over_time, rate …); die Logs-Ansicht zeigt Zeilen</translation>
    </message>
    <message>
        <source>LogQL metric query in a logs panel</source>
        <translation>LogQL-Metrikabfrage in einem Logs-Panel</translation>
    </message>
    <message>
        <source>Prometheus query in a logs panel</source>
        <translation>Prometheus-Abfrage in einem Logs-Panel</translation>
    </message>
    <message>
        <source>a logs panel shows the lines of a LogQL log query</source>
        <translation>ein Logs-Panel zeigt die Zeilen einer LogQL-Logabfrage</translation>
    </message>
    <message>
        <source>override %1: %2 not applied</source>
        <translation>Override %1: %2 nicht übernommen</translation>
    </message>
    <message>
        <source>only a series&apos; colour, name, negative-Y and hiding are drawn</source>
        <translation>nur Farbe, Name, negative Y-Achse und Ausblenden einer Reihe werden gezeichnet</translation>
    </message>
    <message>
        <source>only a series&apos; colour, name, negative-Y and hiding are drawn, by name or regex</source>
        <translation>nur Farbe, Name, negative Y-Achse und Ausblenden einer Reihe werden gezeichnet, nach Name oder Regex</translation>
    </message>
    <message>
        <source>status history</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>drawn as a state timeline, a lane per series</source>
        <translation>als Zustandsverlauf gezeichnet, eine Bahn je Reihe</translation>
    </message>
    <message>
        <source>Imported “%1” (schemaVersion %2) as “%3”: %4 of %5 panels mapped (%6 %), %7, %8.</source>
        <translation>„%1“ (schemaVersion %2) als „%3“ importiert: %4 von %5 Panels übernommen (%6 %), %7, %8.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>1 variable</source>
        <translation>1 Variable</translation>
    </message>
    <message>
        <source>%1 variables</source>
        <translation>%1 Variablen</translation>
    </message>
</context>
<context>
    <name>wf::grafana::ImportCommand</name>
    <message>
        <source>Usage: watchfloor import-grafana FILE.json [--out DIR]</source>
        <translation>Aufruf: watchfloor import-grafana DATEI.json [--out ORDNER]</translation>
    </message>
    <message>
        <source>--out needs a folder.</source>
        <translation>--out braucht einen Ordner.</translation>
    </message>
    <message>
        <source>Unknown option “%1”.</source>
        <translation>Unbekannte Option „%1“.</translation>
    </message>
    <message>
        <source>One file at a time: “%1” is one too many.</source>
        <translation>Eine Datei auf einmal: „%1“ ist eine zu viel.</translation>
    </message>
    <message>
        <source>Cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>“%1” is larger than 32 MB: not a dashboard.</source>
        <translation>„%1“ ist größer als 32 MB: kein Dashboard.</translation>
    </message>
    <message>
        <source>“%1” was not imported: %2</source>
        <translation>„%1“ wurde nicht importiert: %2</translation>
    </message>
    <message>
        <source>“%1” was not imported: the result does not load (%2).</source>
        <translation>„%1“ wurde nicht importiert: das Ergebnis lässt sich nicht laden (%2).</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1”.</source>
        <translation>Der Ordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <source>Usage: watchfloor export-grafana VIEW|FILE.json --out FILE.json</source>
        <translation>Aufruf: watchfloor export-grafana ANSICHT|DATEI.json --out DATEI.json</translation>
    </message>
    <message>
        <source>--out needs a file.</source>
        <translation>--out braucht eine Datei.</translation>
    </message>
    <message>
        <source>One dashboard at a time: “%1” is one too many.</source>
        <translation>Ein Dashboard auf einmal: „%1“ ist eines zu viel.</translation>
    </message>
    <message>
        <source>“%1” is neither a view (%2) nor a file that can be read: %3</source>
        <translation>„%1“ ist weder eine Ansicht (%2) noch eine lesbare Datei: %3</translation>
    </message>
    <message>
        <source>“%1” is not a Watchfloor dashboard: %2</source>
        <translation>„%1“ ist kein Watchfloor-Dashboard: %2</translation>
    </message>
    <message>
        <source>Written: %1 (“%2”, panels: %3; for Grafana 9 to 11)</source>
        <translation>Geschrieben: %1 („%2“, Panels: %3; für Grafana 9 bis 11)</translation>
    </message>
</context>
<context>
    <name>wf::links</name>
    <message>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Open this address in your web browser?

%1</source>
        <translation>Diese Adresse im Webbrowser öffnen?

%1</translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation>Link nicht geöffnet</translation>
    </message>
    <message>
        <source>Only http and https links open from here; this one is “%1”:

%2</source>
        <translation>Von hier öffnen sich nur http- und https-Links; dieser ist „%1“:

%2</translation>
    </message>
    <message>
        <source>without a scheme</source>
        <translation>ohne Schema</translation>
    </message>
</context>
</TS>
