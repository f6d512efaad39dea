package com.quotadoctor.stub;

import com.quotadoctor.organization.ResultsBucket;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The sweep's results bucket in memory: an object that is not there fails the read, as S3's NoSuchKey does. */
public final class MemoryBucket implements ResultsBucket {

    private final Map<String, String> objects = new ConcurrentHashMap<>();

    @Override
    public String read(String key) {
        return Objects.requireNonNull(objects.get(key), () -> "NoSuchKey: " + key);
    }

    @Override
    public void write(String key, String json) {
        objects.put(key, json);
    }

    public Map<String, String> objects() {
        return objects;
    }
}
