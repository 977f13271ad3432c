package io.pulse.jobs.movement.roster;

import io.pulse.jobs.storage.UpsertTable;

/** A row of {@code people}: the roster's details of a pseudonym. Never holds the MAC. */
public record Person(String personId, String rollNo, Integer year, String gender, String hostel, String branch, String stream) {

    public static final UpsertTable<Person> TABLE = UpsertTable.<Person>into("people")
            .key("person_id", Person::personId)
            .column("roll_no", Person::rollNo)
            .column("year", Person::year)
            .column("gender", Person::gender)
            .column("hostel", Person::hostel)
            .column("branch", Person::branch)
            .column("stream", Person::stream)
            .build();
}
