package org.docport.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The DocPort hub: registry, REST API, change capture, sync and delivery in one process. */
@SpringBootApplication
@EnableScheduling
public class DocPortApplication {

  public static void main(String[] args) {
    SpringApplication.run(DocPortApplication.class, args);
  }
}
