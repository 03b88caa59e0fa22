package org.docport.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** The ceiling beside the consent benchmark: a workflow that runs one empty activity. */
@WorkflowInterface
public interface TrivialWorkflow {

  @WorkflowMethod
  String run(String input);

  /** The one activity. */
  @ActivityInterface
  interface Echo {
    String echo(String input);
  }

  /** Runs {@link Echo} once. */
  class Impl implements TrivialWorkflow {

    private final Echo echo =
        Workflow.newActivityStub(
            Echo.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String run(String input) {
      return echo.echo(input);
    }
  }
}
