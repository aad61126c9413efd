package dev.csms.runtime.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The test application's domain entity, changed in the same transactions as the outbox. */
@Entity
@Table(name = "test_station")
public class TestStation extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    public TestStation() {
    }

    public TestStation(String id, String name) {
        this.id = id;
        this.name = name;
    }
}
