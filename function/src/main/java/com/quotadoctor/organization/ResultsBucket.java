package com.quotadoctor.organization;

/** The sweep's results bucket, by key: the account list the map reads, the files its ResultWriter wrote, the report. */
public interface ResultsBucket {

    String read(String key);

    void write(String key, String json);
}
