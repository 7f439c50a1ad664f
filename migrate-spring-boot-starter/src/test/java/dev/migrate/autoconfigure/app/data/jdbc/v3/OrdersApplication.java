package dev.migrate.autoconfigure.app.data.jdbc.v3;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrdersApplication {

}
