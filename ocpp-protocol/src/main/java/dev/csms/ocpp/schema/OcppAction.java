package dev.csms.ocpp.schema;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.MessageType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One action of one OCPP version: who sends its request, whether it has a response, where its schemas are
 * and which generated classes represent its payloads. Obtained from {@link OcppActions}.
 */
public final class OcppAction {

    private final OcppVersion version;
    private final String name;
    private final Initiator initiator;
    private final String requestSchema;
    private final String responseSchema;

    OcppAction(OcppVersion version, String name, Initiator initiator, String requestSchema, String responseSchema) {
        this.version = Objects.requireNonNull(version);
        this.name = Objects.requireNonNull(name);
        this.initiator = Objects.requireNonNull(initiator);
        this.requestSchema = Objects.requireNonNull(requestSchema);
        this.responseSchema = responseSchema;
    }

    /** The version this action belongs to. */
    public OcppVersion version() {
        return version;
    }

    /** The action name as it appears in CALL and SEND frames, e.g. {@code BootNotification}. */
    public String name() {
        return name;
    }

    /** Who sends the request. */
    public Initiator initiator() {
        return initiator;
    }

    /** Whether a charging station may send the request. */
    public boolean isSentByStation() {
        return initiator != Initiator.CSMS;
    }

    /** Whether the CSMS may send the request. */
    public boolean isSentByCsms() {
        return initiator != Initiator.STATION;
    }

    /** False only for one-way actions (2.1 {@code NotifyPeriodicEventStream}), which have no response schema. */
    public boolean hasResponse() {
        return responseSchema != null;
    }

    /** How the request is framed: {@link MessageType#SEND} for one-way actions, else {@link MessageType#CALL}. */
    public MessageType requestMessageType() {
        return hasResponse() ? MessageType.CALL : MessageType.SEND;
    }

    /**
     * The classpath resource of the official schema, e.g. {@code ocpp-schemas/v16/BootNotification.json};
     * empty for the response of a one-way action.
     */
    public Optional<String> schemaResource(MessageKind kind) {
        return Optional.ofNullable(kind == MessageKind.REQUEST ? requestSchema : responseSchema);
    }

    /**
     * The fully qualified name of the class generated from the schema, e.g.
     * {@code dev.csms.ocpp.v16.messages.bootnotification.BootNotificationRequest} or
     * {@code dev.csms.ocpp.v201.messages.BootNotificationRequest}; empty where there is no schema.
     */
    public Optional<String> messageClassName(MessageKind kind) {
        return schemaResource(kind).map(resource -> {
            String fileBase = resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".json".length());
            String basePackage = "dev.csms.ocpp." + version.schemaFolder() + ".messages.";
            if (version == OcppVersion.V1_6) {
                // 1.6 is generated one package per action, with Request/Response class names (see pom.xml).
                String simpleName = kind == MessageKind.REQUEST ? name + "Request" : name + "Response";
                return basePackage + name.toLowerCase(Locale.ROOT) + "." + simpleName;
            }
            return basePackage + fileBase;
        });
    }

    /** The generated class for the payload, loaded with this library's class loader. */
    public Optional<Class<?>> messageClass(MessageKind kind) {
        return messageClassName(kind).map(className -> {
            try {
                return Class.forName(className, false, OcppAction.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("generated class missing: " + className, e);
            }
        });
    }

    @Override
    public String toString() {
        return version.label() + " " + name + " (" + initiator + (hasResponse() ? "" : ", no response") + ")";
    }
}
