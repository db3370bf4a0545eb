#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Acceptance tests for Select-JsonPath (the xUnit twin that re-ran these in C# strings is retired).

BeforeAll {
    $manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }
    Import-Module $manifest -Force
    $script:labBody = '[{"dn":"4694096861","outboundcallbackep":"a1b2c3d4-0000-4000-8000-000000000001","tacnumber":"14085267209","id":"1"}]'
}

Describe 'Select-JsonPath' {
    It 'reads the lab values the GET_CBID activity parses' {
        $labBody | Select-JsonPath '$[0].tacnumber' | Should -Be '14085267209'
        Select-JsonPath -Path '$[0].outboundcallbackep' -Json $labBody | Should -Be 'a1b2c3d4-0000-4000-8000-000000000001'
    }

    It 'reads a path without $ as rooted and objects as PSCustomObjects' {
        $record = $labBody | Select-JsonPath '[0]'
        $record | Should -BeOfType [pscustomobject]
        $record.dn | Should -Be '4694096861'
        $record.id | Should -Be '1'
    }

    It 'keeps numbers numeric and returns every filter match' {
        '{"items":[{"n":1,"ok":true},{"n":2.5,"ok":false},{"n":3,"ok":true}]}' |
            Select-JsonPath '$.items[?(@.ok == true)].n' | Should -Be @(1, 3)
        '{"n":1}' | Select-JsonPath '$.n' | Should -BeOfType [long]
    }

    It 'gives one array for a filter and nothing for a miss with -AsFlowVariable' {
        $a = '[{"t":"x"},{"t":"y"}]' | Select-JsonPath '$[*].t' -AsFlowVariable
        $a.Count | Should -Be 2
        $a -join ',' | Should -Be 'x,y'
        @('[]' | Select-JsonPath '$[0].t' -AsFlowVariable).Count | Should -Be 0
    }

    It 'reports invalid JSON as a non-terminating ParserError and goes on' {
        $out = '{not json', '{"a":1}' | Select-JsonPath '$.a' -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -Be 1
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidJson,CallbackLab.Commands.SelectJsonPathCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ParserError'
        $err[0].TargetObject | Should -Be '{not json'
    }

    It 'stops on an invalid path with an InvalidArgument error naming the path' {
        { '{"a":1}' | Select-JsonPath '$.a[?(@.b ==' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidJsonPath,CallbackLab.Commands.SelectJsonPathCommand'
        $err = @(try { '{"a":1}' | Select-JsonPath '$.a[?(@.b ==' -ErrorAction Stop } catch { $_ })
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be '$.a[?(@.b =='
        $err[0].Exception.Message | Should -BeLike '*$.a`[?(@.b ==*'
    }
}
