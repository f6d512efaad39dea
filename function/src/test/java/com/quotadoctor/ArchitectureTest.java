package com.quotadoctor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The judgement stays a pure function: no AWS SDK, no I/O library, no adapter leaks into it. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.quotadoctor");

    @Test
    void diagnosisAndDomainImportNoAwsSdkType() {
        noClasses().that().resideInAnyPackage("com.quotadoctor.diagnosis..", "com.quotadoctor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(CLASSES);
    }

    @Test
    void diagnosisAndDomainDependOnNoSerialisationOrAdapter() {
        noClasses().that().resideInAnyPackage("com.quotadoctor.diagnosis..", "com.quotadoctor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "picocli..",
                        "com.quotadoctor.cli..", "com.quotadoctor.evidence..", "com.quotadoctor.notification..",
                        "com.quotadoctor.workflow..", "com.quotadoctor.trigger..", "com.quotadoctor.watch..",
                        "com.quotadoctor.handler..", "com.quotadoctor.organization..")
                .check(CLASSES);
    }

    @Test
    void theOrganisationReductionIsPureLikeTheDiagnosis() {
        // it sets account reports against each other: no AWS, no workflow, no rendering; its adapters live in .aws
        noClasses().that().resideInAPackage("com.quotadoctor.organization")
                .should().dependOnClassesThat().resideInAnyPackage("com.quotadoctor.workflow..",
                        "com.quotadoctor.handler..", "com.quotadoctor.cli..", "com.quotadoctor.notification..",
                        "com.quotadoctor.evidence..", "com.quotadoctor.organization.aws..")
                .check(CLASSES);
    }

    @Test
    void domainDoesNotDependOnTheDiagnosis() {
        noClasses().that().resideInAPackage("com.quotadoctor.domain..")
                .should().dependOnClassesThat().resideInAPackage("com.quotadoctor.diagnosis..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAwsAdaptersTouchTheAwsSdk() {
        // each stage keeps its AWS adapters in an .aws subpackage: evidence.aws, notification.aws, watch.aws, workflow.aws, handler.aws
        noClasses().that().resideOutsideOfPackage("com.quotadoctor..aws..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(CLASSES);
    }

    @Test
    void handlersAreAdaptersThatNothingDependsOn() {
        noClasses().that().resideOutsideOfPackage("com.quotadoctor.handler..")
                .should().dependOnClassesThat().resideInAPackage("com.quotadoctor.handler..")
                .check(CLASSES);
    }

    @Test
    void theWorkflowCallsNoAwsSdkItself() {
        // the steps themselves; their adapters live in .aws subpackages (workflow.aws: the running-diagnosis ledger)
        noClasses().that().resideInAnyPackage("com.quotadoctor.workflow", "com.quotadoctor.trigger..",
                        "com.quotadoctor.watch")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..")
                .check(CLASSES);
    }
}
