package dev.migrate.autoconfigure.app.data.r2dbc.v2;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotesApplication {

}
