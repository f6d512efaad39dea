// Runs the synthesised workflow definition in aws-local-stepfunctions with every Task overridden by a
// scripted sequence of results, and prints what happened as one JSON line.
// Usage: node run.mjs <definition.json> <scenario.json>
// scenario: { "input": {...}, "enteredTime": "ISO", "tasks": { "<TaskState>": [ {"return": {...}} | {"throw": "ErrorName"} ] } }
// Each call of a task takes the next entry of its list; the last entry repeats. Tasks inside a Map's ItemProcessor
// are scripted by name too. The interpreter runs a Distributed Map as a Map (MaxConcurrency, ItemSelector, the item
// processor's retries and catches) but reads no S3: scenario.itemReader { "<MapState>": "<ItemsPath>" } replaces its
// ItemReader by that path into the state (the S3 object's content put there by a scripted task), and its ResultWriter
// is dropped, so the map's output is the array of the children's outputs instead of the manifest's location.
import { readFileSync } from 'node:fs';

if (!Promise.withResolvers) { // Node 20 lacks it; the interpreter needs it
  Promise.withResolvers = () => {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const { StateMachine } = await import('aws-local-stepfunctions');

const definition = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const scenario = JSON.parse(readFileSync(process.argv[3], 'utf8'));
for (const [name, path] of Object.entries(scenario.itemReader ?? {})) {
  const map = definition.States[name];
  delete map.ItemReader;
  delete map.ResultWriter;
  map.ItemsPath = path;
}
const calls = {};
const inputs = {};
const handlers = {};
const waits = {};
const retries = {};
const allStates = (states) => Object.entries(states).flatMap(([name, state]) =>
  [[name, state], ...((state.ItemProcessor ?? state.Iterator) ? allStates((state.ItemProcessor ?? state.Iterator).States) : [])]);
for (const [name, state] of allStates(definition.States)) {
  if (state.Type === 'Task') {
    const script = scenario.tasks[name] ?? [{ return: {} }];
    handlers[name] = async (input) => {
      const n = calls[name] = (calls[name] ?? 0) + 1;
      (inputs[name] ??= []).push(input);
      const step = script[Math.min(n, script.length) - 1];
      if (step.throw) {
        const error = new Error(step.cause ?? step.throw);
        error.name = step.throw;
        throw error;
      }
      return step.return;
    };
    retries[name] = 0;
  }
  if (state.Type === 'Wait') waits[name] = 0;
}
const visited = [];
const machine = new StateMachine(definition, { validationOptions: { checkArn: false } });
const execution = machine.run(scenario.input, {
  overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
  // what Step Functions puts in the context object; the interpreter takes it from here
  context: { State: { EnteredTime: scenario.enteredTime },
             Task: { Token: 'AQCEAAAAKgAAAAMAAAAAAAAAAYscenarioToken==' },
             Execution: { Id: 'arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:scenario', Name: 'scenario',
                          Input: scenario.input } },
});
const logging = (async () => {
  for await (const event of execution.eventLogs) {
    if (event.type === 'StateEntered') visited.push(event.state.name);
  }
})();
let outcome;
try {
  outcome = { status: 'SUCCEEDED', output: await execution.result };
} catch (e) {
  const failure = e.cause ?? e; // the interpreter wraps the Fail state's error in an ExecutionError
  outcome = { status: 'FAILED', error: failure.name, cause: failure.message };
}
await logging.catch(() => {});
console.log(JSON.stringify({ ...outcome, calls, inputs, visited }));
