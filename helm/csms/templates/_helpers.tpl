{{/* Common labels of every object; args: dict "root" $ "svc" <service values> */}}
{{- define "csms.labels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: csms
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "csms.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Object name of a service: <release>-<service name>, or the service name when the release is called csms. */}}
{{- define "csms.fullname" -}}
{{- if eq .root.Release.Name "csms" -}}
{{- .svc.name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .root.Release.Name .svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "csms.image" -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .svc.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .svc.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Fails the render with a message naming the bad value; called once from validate.yaml. */}}
{{- define "csms.validate" -}}
{{- $_ := required "kafka.bootstrapServers is required: the Kafka bootstrap servers every service connects to (e.g. csms-kafka-kafka-bootstrap:9092)" .Values.kafka.bootstrapServers -}}
{{- range $key, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- if lt (int $svc.replicas) 1 -}}
{{- fail (printf "services.%s.replicas must be at least 1, got %v" $key $svc.replicas) -}}
{{- end -}}
{{- $_ := required (printf "services.%s.image.repository is required" $key) $svc.image.repository -}}
{{- if $svc.database.enabled -}}
{{- $_ := required (printf "services.%s.database.host is required when services.%s.database.enabled" $key $key) $svc.database.host -}}
{{- $_ := required (printf "services.%s.database.name is required when services.%s.database.enabled" $key $key) $svc.database.name -}}
{{- $_ := required (printf "services.%s.database.credentialsSecret is required when services.%s.database.enabled: the Secret holding its username and password" $key $key) $svc.database.credentialsSecret -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $gw := .Values.services.gateway -}}
{{- if $gw.enabled -}}
{{- if le (int $gw.terminationGracePeriodSeconds) (add (int $gw.drainWindowSeconds) (int $gw.preStopSleepSeconds)) -}}
{{- fail (printf "services.gateway.terminationGracePeriodSeconds (%v) must exceed drainWindowSeconds (%v) + preStopSleepSeconds (%v), or Kubernetes kills the gateway before its stations are drained" $gw.terminationGracePeriodSeconds $gw.drainWindowSeconds $gw.preStopSleepSeconds) -}}
{{- end -}}
{{- if and $gw.tls.enabled (not $gw.tls.secretName) -}}
{{- fail "services.gateway.tls.secretName is required when services.gateway.tls.enabled: a kubernetes.io/tls Secret with the server certificate" -}}
{{- end -}}
{{- if and $gw.pdb.enabled (ge (int $gw.pdb.minAvailable) (int $gw.replicas)) -}}
{{- fail (printf "services.gateway.pdb.minAvailable (%v) must be below services.gateway.replicas (%v), or no gateway pod can ever be evicted" $gw.pdb.minAvailable $gw.replicas) -}}
{{- end -}}
{{- end -}}
{{- end -}}
