package dev.csms.device.configuration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One variable attribute of a 2.x station's device model (component, variable, attribute type), with its last
 * known value and, when a report gave them, its characteristics.
 */
@Entity
@Table(name = "station_variable")
public class StationVariable extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    public String component;

    /** '' when the component has no instance. */
    @Column(name = "component_instance")
    public String componentInstance;

    @Column(name = "evse_id")
    public Integer evseId;

    @Column(name = "connector_id")
    public Integer connectorId;

    public String variable;

    /** '' when the variable has no instance. */
    @Column(name = "variable_instance")
    public String variableInstance;

    /** Actual, Target, MinSet, MaxSet. */
    @Column(name = "attribute_type")
    public String attributeType;

    public String value;

    /** ReadOnly, WriteOnly, ReadWrite; null when not reported. */
    public String mutability;

    public Boolean persistent;

    public Boolean constant;

    @Column(name = "data_type")
    public String dataType;

    public String unit;

    @Column(name = "min_limit")
    public BigDecimal minLimit;

    @Column(name = "max_limit")
    public BigDecimal maxLimit;

    @Column(name = "values_list")
    public String valuesList;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether this row is the attribute of the address. */
    boolean is(VariableAddress address, String attribute) {
        return component.equals(address.component()) && componentInstance.equals(address.componentInstanceOrEmpty())
                && java.util.Objects.equals(evseId, address.evseId())
                && java.util.Objects.equals(connectorId, address.connectorId())
                && variable.equals(address.variable())
                && variableInstance.equals(address.variableInstanceOrEmpty())
                && attributeType.equals(attribute);
    }
}
