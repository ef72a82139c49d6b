package org.rekindle.content.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Component
public class ProgramQueries {

    private final MongoCollection<Document> programs;
    private final MongoCollection<Document> versions;

    ProgramQueries(ContentCollections collections) {
        this.programs = collections.programs();
        this.versions = collections.versions();
    }

    /** Programs, by title; only those of one status when given. */
    public List<ProgramView> list(ProgramStatus status) {
        var filter = status == null ? new Document() : Filters.eq("status", status.name());
        return programs.find(filter).sort(Sorts.ascending("title")).map(ProgramView::of).into(new ArrayList<>());
    }

    public Optional<ProgramView> program(String programId) {
        return Optional.ofNullable(programs.find(Filters.eq("_id", programId)).first()).map(ProgramView::of);
    }

    public Optional<ProgramVersionView> version(String programId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", ProgramVersionView.idOf(programId, version)))
                                           .first()).map(ProgramVersionView::of);
    }
}
